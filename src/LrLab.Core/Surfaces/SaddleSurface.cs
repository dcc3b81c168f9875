namespace LrLab.Core.Surfaces;

/// <summary>
/// <c>saddle</c>: L = x² − y² + 0.5y⁴. The origin is a saddle point (curving up along x, down along y);
/// the two minima sit at (0, ±1) with L = −0.5 and Hessian diag(2, 4). Starting almost on the ridge
/// (y = 0.01) shows how slowly gradient descent escapes a saddle.
/// </summary>
public sealed class SaddleSurface : Surface
{
    /// <inheritdoc />
    public override string Name => "saddle";

    /// <inheritdoc />
    public override string Formula => "x^2 - y^2 + 0.5*y^4";

    /// <inheritdoc />
    public override int Dimension => 2;

    /// <summary>Reference minimum (0, 1); its mirror (0, −1) has the same curvature.</summary>
    public override Curvature? Curvature { get; } = new([0.0, 1.0], 2.0, 4.0);

    /// <inheritdoc />
    public override IReadOnlyList<double> DefaultStart { get; } = [-3.0, 0.01];

    /// <inheritdoc />
    public override ViewBox View => new(-4, 4, -2.5, 2.5);

    /// <inheritdoc />
    public override double Value(ReadOnlySpan<double> parameters)
    {
        double x = parameters[0], y = parameters[1];
        double y2 = y * y;
        return x * x - y2 + 0.5 * y2 * y2;
    }

    /// <inheritdoc />
    public override double ValueAndGradient(ReadOnlySpan<double> parameters, Span<double> gradient)
    {
        double x = parameters[0], y = parameters[1];
        double y2 = y * y;
        gradient[0] = 2 * x;
        gradient[1] = -2 * y + 2 * y2 * y;
        return x * x - y2 + 0.5 * y2 * y2;
    }
}
