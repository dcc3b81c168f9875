using System.Text.Json;
using LrLab.Core.Optimizers;
using LrLab.Core.Training;

namespace LrLab.Core.Tests.Training;

/// <summary>Training steps against PyTorch 1.13 (tools/golden_mlp.py): same initial weights, same batches.</summary>
public class MlpGoldenTests
{
    private static readonly Lazy<JsonElement> _golden = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "mlp.json"))).RootElement);

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in _golden.Value.GetProperty("cases").EnumerateArray())
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Steps_match_pytorch(string name)
    {
        var c = _golden.Value.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var hidden = c.GetProperty("hidden").GetInt32();
        var batch = c.GetProperty("batch").GetInt32();
        var stride = c.GetProperty("stride").GetInt32();
        var opt = c.GetProperty("optimizer");
        var optimizer = OptimizerFactory.Create(opt.GetProperty("name").GetString()!, new OptimizerOptions
        {
            Lr = opt.GetProperty("lr").GetDouble(),
            Momentum = opt.TryGetProperty("momentum", out var m) ? m.GetDouble() : null,
        });

        var train = TestData.Mnist.Train;
        using var mlp = new Mlp(784, hidden, 10, batch);
        var initial = c.GetProperty("initial");
        if (initial.ValueKind == JsonValueKind.String)
        {
            Patterned(mlp);
        }
        else
        {
            Floats(initial).CopyTo(mlp.Parameters, 0);
        }

        var state = optimizer.Init<float>(mlp.Parameters.Length);
        var step = 0;
        foreach (var expected in c.GetProperty("steps").EnumerateArray())
        {
            var inputs = train.Inputs.AsSpan(step * batch * 784, batch * 784);
            var labels = train.Labels.AsSpan(step * batch, batch);
            var loss = mlp.ForwardBackward(inputs, labels);
            Assert.Equal(expected.GetProperty("loss").GetDouble(), loss, 1e-5);
            AssertClose(Floats(expected.GetProperty("gradients")), mlp.Gradients, stride, 2e-6, $"{name} step {step} gradients");
            optimizer.Step<float>(mlp.Parameters, mlp.Gradients, state, optimizer.Options.Lr);
            AssertClose(Floats(expected.GetProperty("parameters")), mlp.Parameters, stride, 1e-5, $"{name} step {step} parameters");
            step++;
        }

        Assert.True(step >= 2);
    }

    /// <summary>tools/golden_mlp.py's patterned_: ((i·7919) mod 2001 − 1000)/1000/√fan_in per tensor.</summary>
    private static void Patterned(Mlp mlp)
    {
        var sizes = new[] { (mlp.Hidden * mlp.Inputs, mlp.Inputs), (mlp.Hidden, mlp.Inputs), (mlp.Outputs * mlp.Hidden, mlp.Hidden), (mlp.Outputs, mlp.Hidden) };
        var offset = 0;
        foreach (var (count, fanIn) in sizes)
        {
            for (long i = 0; i < count; i++)
            {
                mlp.Parameters[offset + i] = (float)((((i * 7919) % 2001) - 1000) / 1000.0 / Math.Sqrt(fanIn));
            }

            offset += count;
        }
    }

    private static float[] Floats(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetSingle())];

    private static void AssertClose(float[] expected, float[] actual, int stride, double tolerance, string what)
    {
        Assert.Equal(expected.Length, (actual.Length + stride - 1) / stride);
        for (var i = 0; i < expected.Length; i++)
        {
            var a = actual[i * stride];
            Assert.True(Math.Abs(expected[i] - a) <= tolerance, $"{what}: value {i * stride} is {a}, PyTorch {expected[i]}");
        }
    }
}
