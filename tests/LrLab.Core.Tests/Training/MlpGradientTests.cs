using LrLab.Core.Training;

namespace LrLab.Core.Tests.Training;

public class MlpGradientTests
{
    [Theory]
    [InlineData(6, 5, 3, 4, 1)]
    [InlineData(13, 17, 10, 9, 2)]
    [InlineData(20, 40, 4, 1, 3)]
    public void Reference_gradient_matches_central_differences(int inputs, int hidden, int outputs, int rows, int seed)
    {
        var (x, y) = TestData.Random(rows, inputs, outputs, seed);
        var p = InitialWeights(inputs, hidden, outputs, seed);
        var grad = new double[p.Length];
        ReferenceMlp.LossAndGradient(p, x, y, inputs, hidden, outputs, grad);
        const double h = 1e-6;
        for (var i = 0; i < p.Length; i += 3)
        {
            var saved = p[i];
            p[i] = saved + h;
            var up = ReferenceMlp.Loss(p, x, y, inputs, hidden, outputs);
            p[i] = saved - h;
            var down = ReferenceMlp.Loss(p, x, y, inputs, hidden, outputs);
            p[i] = saved;
            Assert.True(Math.Abs(((up - down) / (2 * h)) - grad[i]) < 1e-7, $"parameter {i}: {(up - down) / (2 * h)} vs {grad[i]}");
        }
    }

    [Theory]
    [InlineData(6, 5, 3, 4, 1, 1)]
    [InlineData(13, 17, 10, 9, 2, 1)]
    [InlineData(784, 32, 10, 11, 3, 1)]
    [InlineData(784, 64, 10, 64, 4, 2)]
    [InlineData(50, 36, 7, 23, 5, 3)]
    public void Engine_loss_and_gradient_match_the_float64_reference(int inputs, int hidden, int outputs, int rows, int seed, int threads)
    {
        var (x, y) = TestData.Random(rows, inputs, outputs, seed);
        using var mlp = new Mlp(inputs, hidden, outputs, rows + 3, threads);
        mlp.Initialize(new Random(seed));
        var p = mlp.Parameters.Select(v => (double)v).ToArray();
        var expected = new double[p.Length];
        var expectedLoss = ReferenceMlp.LossAndGradient(p, x, y, inputs, hidden, outputs, expected);

        var loss = mlp.ForwardBackward(x, y);

        Assert.Equal(expectedLoss, loss, 1e-5);
        var scale = expected.Max(Math.Abs);
        for (var i = 0; i < p.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - mlp.Gradients[i]) <= 1e-5 * Math.Max(scale, 1e-3), $"gradient {i}: {mlp.Gradients[i]} vs {expected[i]}");
        }
    }

    [Fact]
    public void Float_engine_gradient_matches_its_own_finite_differences()
    {
        // Directly on the float32 engine: larger step, looser bound (float rounding of the loss).
        const int inputs = 10, hidden = 8, outputs = 4, rows = 6;
        var (x, y) = TestData.Random(rows, inputs, outputs, 9);
        using var mlp = new Mlp(inputs, hidden, outputs, rows);
        mlp.Initialize(new Random(9));
        mlp.ForwardBackward(x, y);
        var grad = (float[])mlp.Gradients.Clone();
        const float h = 1e-2f;
        for (var i = 0; i < mlp.Parameters.Length; i += 2)
        {
            var saved = mlp.Parameters[i];
            mlp.Parameters[i] = saved + h;
            var up = mlp.ForwardBackward(x, y);
            mlp.Parameters[i] = saved - h;
            var down = mlp.ForwardBackward(x, y);
            mlp.Parameters[i] = saved;
            Assert.True(Math.Abs(((up - down) / (2 * h)) - grad[i]) < 2e-3, $"parameter {i}: {(up - down) / (2 * h)} vs {grad[i]}");
        }
    }

    [Fact]
    public void Initialization_follows_pytorch_bounds()
    {
        using var mlp = new Mlp(784, 128, 10, 1);
        mlp.Initialize(new Random(0));
        var w1 = mlp.Parameters.AsSpan(0, 128 * 784).ToArray();
        var w2 = mlp.Parameters.AsSpan((128 * 784) + 128, 1280).ToArray();
        var bound1 = 1 / Math.Sqrt(784);
        var bound2 = 1 / Math.Sqrt(128);
        Assert.All(w1, v => Assert.InRange(v, -bound1, bound1));
        Assert.All(w2, v => Assert.InRange(v, -bound2, bound2));

        // Uniform: the spread fills the interval (std of U(−b, b) is b/√3), not a narrower one.
        Assert.InRange(w1.Max(), 0.99 * bound1, bound1);
        Assert.Equal(bound1 / Math.Sqrt(3), StdDev(w1), 3e-4);
        Assert.Equal(bound2 / Math.Sqrt(3), StdDev(w2), 3e-3);
    }

    private static double StdDev(float[] values)
    {
        var mean = values.Average(v => (double)v);
        return Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
    }

    private static double[] InitialWeights(int inputs, int hidden, int outputs, int seed)
    {
        using var mlp = new Mlp(inputs, hidden, outputs, 1);
        mlp.Initialize(new Random(seed));
        return [.. mlp.Parameters.Select(v => (double)v)];
    }
}
