namespace LrLab.Core.Surfaces;

/// <summary>
/// <c>plateau</c>: L = 1 − exp(−(x² + y²)/2), an inverted Gaussian. Far from the origin the surface is
/// almost flat, so gradients are tiny and a small rate crawls; at the minimum the Hessian is the identity.
/// </summary>
public sealed class PlateauSurface : Surface
{
    /// <inheritdoc />
    public override string Name => "plateau";

    /// <inheritdoc />
    public override string Formula => "1 - exp(-(x^2 + y^2)/2)";

    /// <inheritdoc />
    public override int Dimension => 2;

    /// <inheritdoc />
    public override Curvature? Curvature { get; } = new([0.0, 0.0], 1.0, 1.0);

    /// <inheritdoc />
    public override IReadOnlyList<double> DefaultStart { get; } = [2.5, 2.0];

    /// <inheritdoc />
    public override ViewBox View => new(-4, 4, -4, 4);

    /// <inheritdoc />
    public override double Value(ReadOnlySpan<double> parameters)
    {
        double x = parameters[0], y = parameters[1];
        return 1 - Math.Exp(-(x * x + y * y) / 2);
    }

    /// <inheritdoc />
    public override double ValueAndGradient(ReadOnlySpan<double> parameters, Span<double> gradient)
    {
        double x = parameters[0], y = parameters[1];
        double bump = Math.Exp(-(x * x + y * y) / 2);
        gradient[0] = x * bump;
        gradient[1] = y * bump;
        return 1 - bump;
    }
}
