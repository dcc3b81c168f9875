namespace LrLab.Core.Surfaces;

/// <summary>
/// <c>noisy-bowl</c>: the <see cref="BowlSurface"/> (L = x² + 2y², λmax = 4) seen through mini-batches.
/// The loss and <see cref="ValueAndGradient"/> stay exact; <see cref="SampleGradient"/> adds independent
/// Gaussian noise with standard deviation σ = 4/√batchSize to each coordinate, so quadrupling the
/// batch halves the noise, as averaging per-example gradients would.
/// </summary>
public sealed class NoisyBowlSurface : Surface
{
    /// <summary>Noise standard deviation per coordinate at batch size 1.</summary>
    public const double NoiseScale = 4.0;

    private readonly BowlSurface _bowl = new();

    /// <inheritdoc />
    public override string Name => "noisy-bowl";

    /// <inheritdoc />
    public override string Formula => "x^2 + 2*y^2 (+ noise/√batch)";

    /// <inheritdoc />
    public override int Dimension => 2;

    /// <inheritdoc />
    public override Curvature? Curvature => _bowl.Curvature;

    /// <inheritdoc />
    public override IReadOnlyList<double> DefaultStart => _bowl.DefaultStart;

    /// <inheritdoc />
    public override ViewBox View => _bowl.View;

    /// <inheritdoc />
    public override bool IsStochastic => true;

    /// <summary>Noise standard deviation per coordinate for a batch size: 4/√batchSize.</summary>
    /// <param name="batchSize">Number of examples averaged per gradient; at least 1.</param>
    public static double NoiseStandardDeviation(int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        return NoiseScale / Math.Sqrt(batchSize);
    }

    /// <inheritdoc />
    public override double Value(ReadOnlySpan<double> parameters) => _bowl.Value(parameters);

    /// <inheritdoc />
    public override double ValueAndGradient(ReadOnlySpan<double> parameters, Span<double> gradient)
        => _bowl.ValueAndGradient(parameters, gradient);

    /// <inheritdoc />
    public override double SampleGradient(ReadOnlySpan<double> parameters, Span<double> gradient, Random random, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(random);
        double sigma = NoiseStandardDeviation(batchSize);
        double loss = _bowl.ValueAndGradient(parameters, gradient);

        // One Box–Muller draw yields two independent standard normals, one per coordinate.
        // 1 − NextDouble() lies in (0, 1], so the logarithm stays finite.
        double radius = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble()));
        double angle = 2.0 * Math.PI * random.NextDouble();
        gradient[0] += sigma * radius * Math.Cos(angle);
        gradient[1] += sigma * radius * Math.Sin(angle);
        return loss;
    }
}
