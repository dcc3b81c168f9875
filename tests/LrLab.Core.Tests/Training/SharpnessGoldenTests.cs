using System.Text.Json;
using LrLab.Core.Training;

namespace LrLab.Core.Tests.Training;

/// <summary>
/// Sharpness against PyTorch 1.13 autograd (tools/golden_sharpness.py): weights our CLI trained and saved as
/// safetensors, which the script loaded into nn.Linear layers and measured in float64 by power iteration.
/// </summary>
public class SharpnessGoldenTests
{
    private static readonly string _golden = Path.Combine(AppContext.BaseDirectory, "Golden");

    [Fact]
    public void Sharpness_of_saved_weights_matches_pytorch_within_one_percent()
    {
        var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(_golden, "edge.json"))).RootElement;
        var samples = expected.GetProperty("trainSamples").GetInt32();
        float[] parameters;
        int hidden;
        using (var file = File.OpenRead(Path.Combine(_golden, expected.GetProperty("weights").GetString()!)))
        {
            (parameters, hidden) = MlpSafetensors.Read(file, 784, 10);
        }

        Assert.Equal(expected.GetProperty("hidden").GetInt32(), hidden);
        var mlp = new Mlp(784, hidden, 10, 1);
        parameters.CopyTo(mlp.Parameters, 0);
        var hessian = new MlpHessian(mlp, MlpTraining.First(TestData.Mnist.Train, samples));
        Assert.Equal(expected.GetProperty("loss").GetDouble(), hessian.Prepare(), 1e-4);

        // What the CLI does (default iterations and tolerance, cold start) and a tight run: both within 1 %.
        var reference = expected.GetProperty("sharpness").GetDouble();
        var quick = new SharpnessEstimator(hessian, new Random(0)).Measure();
        var tight = new SharpnessEstimator(hessian, new Random(0), maxIterations: 60, tolerance: 1e-6).Measure();
        Assert.InRange(quick, reference * 0.99, reference * 1.01);
        Assert.InRange(tight, reference * 0.99, reference * 1.01);
    }

    [Fact]
    public void Safetensors_round_trip_keeps_every_weight_and_the_pytorch_layout()
    {
        var mlp = new Mlp(784, 12, 10, 1);
        mlp.Initialize(new Random(3));
        using var stream = new MemoryStream();
        MlpSafetensors.Write(stream, mlp.Parameters, 784, 12, 10);
        var bytes = stream.ToArray();
        var headerLength = (int)BitConverter.ToUInt64(bytes, 0);
        Assert.Equal(0, (8 + headerLength) % 8);
        var header = JsonDocument.Parse(bytes.AsMemory(8, headerLength)).RootElement;
        Assert.Equal("[12,784]", header.GetProperty("fc1.weight").GetProperty("shape").GetRawText());
        Assert.Equal("[10,12]", header.GetProperty("fc2.weight").GetProperty("shape").GetRawText());
        Assert.Equal(bytes.Length - 8 - headerLength, header.GetProperty("fc2.bias").GetProperty("data_offsets")[1].GetInt32());

        stream.Position = 0;
        var (read, hidden) = MlpSafetensors.Read(stream, 784, 10);
        Assert.Equal(12, hidden);
        Assert.Equal(mlp.Parameters, read);
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3 })]
    [InlineData(new byte[] { 255, 255, 255, 255, 0, 0, 0, 0, 123 })]
    [InlineData(new byte[] { 2, 0, 0, 0, 0, 0, 0, 0, (byte)'{', (byte)'}' })]
    public void Bad_safetensors_files_are_refused_with_a_message(byte[] bytes)
    {
        var error = Assert.Throws<InputException>(() => MlpSafetensors.Read(new MemoryStream(bytes), 784, 10));
        Assert.Contains("safetensors", error.Message, StringComparison.Ordinal);
    }
}
