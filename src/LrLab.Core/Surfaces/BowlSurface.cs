namespace LrLab.Core.Surfaces;

/// <summary>
/// <c>bowl</c>: L = x² + 2y², the lab's default. Hessian diag(2, 4), so λmax is exactly 4 and plain
/// gradient descent bounces forever at α = 0.5 and diverges above it.
/// </summary>
public sealed class BowlSurface : Surface
{
    /// <inheritdoc />
    public override string Name => "bowl";

    /// <inheritdoc />
    public override string Formula => "x^2 + 2*y^2";

    /// <inheritdoc />
    public override int Dimension => 2;

    /// <inheritdoc />
    public override Curvature? Curvature { get; } = new([0.0, 0.0], 2.0, 4.0);

    /// <inheritdoc />
    public override IReadOnlyList<double> DefaultStart { get; } = [-4.0, 3.0];

    /// <inheritdoc />
    public override ViewBox View => new(-5, 5, -5, 5);

    /// <inheritdoc />
    public override double Value(ReadOnlySpan<double> parameters)
    {
        double x = parameters[0], y = parameters[1];
        return x * x + 2 * y * y;
    }

    /// <inheritdoc />
    public override double ValueAndGradient(ReadOnlySpan<double> parameters, Span<double> gradient)
    {
        double x = parameters[0], y = parameters[1];
        gradient[0] = 2 * x;
        gradient[1] = 4 * y;
        return x * x + 2 * y * y;
    }

    /// <inheritdoc />
    public override void ValuesAndGradients(ReadOnlySpan<double> points, Span<double> values, Span<double> gradients)
    {
        for (var p = 0; p < values.Length; p++)
        {
            double x = points[2 * p], y = points[(2 * p) + 1];
            gradients[2 * p] = 2 * x;
            gradients[(2 * p) + 1] = 4 * y;
            values[p] = x * x + 2 * y * y;
        }
    }

    /// <inheritdoc />
    public override void Values(ReadOnlySpan<double> points, Span<double> values)
    {
        for (var p = 0; p < values.Length; p++)
        {
            double x = points[2 * p], y = points[(2 * p) + 1];
            values[p] = x * x + 2 * y * y;
        }
    }
}
