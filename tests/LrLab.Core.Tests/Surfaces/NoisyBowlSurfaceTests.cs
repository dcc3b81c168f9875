using LrLab.Core.Surfaces;

namespace LrLab.Core.Tests.Surfaces;

public class NoisyBowlSurfaceTests
{
    private static readonly double[] _point = [1.5, -0.5];
    private static readonly double[] _exact = [3.0, -2.0];

    [Fact]
    public void Loss_and_exact_gradient_equal_the_bowls()
    {
        var noisy = SurfaceCatalog.Find("noisy-bowl")!;
        var bowl = SurfaceCatalog.Find("bowl")!;
        var gradient = new double[2];

        Assert.True(noisy.IsStochastic);
        Assert.False(bowl.IsStochastic);
        Assert.Equal(bowl.Value(_point), noisy.ValueAndGradient(_point, gradient));
        Assert.Equal(_exact, gradient);
        Assert.Equal(bowl.Value(_point), noisy.SampleGradient(_point, gradient, new Random(1), 8));
        Assert.Equal(bowl.Curvature!.Minimum, noisy.Curvature!.Minimum);
        Assert.Equal((2.0, 4.0), (noisy.Curvature.LambdaMin, noisy.LambdaMax));
    }

    [Fact]
    public void Same_seed_gives_the_same_gradients_and_another_seed_does_not()
    {
        var noisy = SurfaceCatalog.Find("noisy-bowl")!;

        var first = Samples(noisy, new Random(42), 4, 20);
        var again = Samples(noisy, new Random(42), 4, 20);
        var other = Samples(noisy, new Random(43), 4, 20);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(16)]
    [InlineData(64)]
    public void Noise_is_unbiased_with_sigma_four_over_root_batch(int batchSize)
    {
        const int Count = 40_000;
        var noisy = SurfaceCatalog.Find("noisy-bowl")!;
        var samples = Samples(noisy, new Random(batchSize), batchSize, Count);
        double sigma = 4.0 / Math.Sqrt(batchSize);

        for (int k = 0; k < 2; k++)
        {
            var noise = samples.Select(s => s[k] - _exact[k]).ToArray();
            double mean = noise.Average();
            double variance = noise.Select(n => (n - mean) * (n - mean)).Sum() / (Count - 1);

            // Five standard errors: σ/√n for the mean, about σ²·√(2/n) for the variance.
            Assert.True(Math.Abs(mean) < 5 * sigma / Math.Sqrt(Count), $"coordinate {k}: mean noise {mean}");
            Assert.True(Math.Abs(variance - sigma * sigma) < 5 * sigma * sigma * Math.Sqrt(2.0 / Count), $"coordinate {k}: variance {variance}, expected {sigma * sigma}");
        }

        Assert.Equal(sigma, NoisyBowlSurface.NoiseStandardDeviation(batchSize), 15);
    }

    [Fact]
    public void Coordinates_are_uncorrelated()
    {
        const int Count = 40_000;
        var samples = Samples(SurfaceCatalog.Find("noisy-bowl")!, new Random(7), 1, Count);

        double covariance = samples.Sum(s => (s[0] - _exact[0]) * (s[1] - _exact[1])) / Count;

        Assert.True(Math.Abs(covariance) < 5 * 16 / Math.Sqrt(Count), $"covariance {covariance}");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Batch_size_below_one_is_rejected(int batchSize)
    {
        var noisy = SurfaceCatalog.Find("noisy-bowl")!;

        Assert.Throws<ArgumentOutOfRangeException>(() => noisy.SampleGradient(_point, new double[2], new Random(0), batchSize));
    }

    [Fact]
    public void Deterministic_surfaces_sample_the_exact_gradient_without_touching_the_random()
    {
        var bowl = SurfaceCatalog.Find("bowl")!;
        var random = new Random(5);
        var gradient = new double[2];

        bowl.SampleGradient(_point, gradient, random, 1);

        Assert.Equal(_exact, gradient);
        Assert.Equal(new Random(5).Next(), random.Next());
    }

    private static List<double[]> Samples(Surface surface, Random random, int batchSize, int count)
    {
        var result = new List<double[]>(count);
        for (int i = 0; i < count; i++)
        {
            var gradient = new double[2];
            surface.SampleGradient(_point, gradient, random, batchSize);
            result.Add(gradient);
        }

        return result;
    }
}
