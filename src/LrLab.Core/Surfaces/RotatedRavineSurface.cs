namespace LrLab.Core.Surfaces;

/// <summary>
/// <c>rotated-ravine</c>: the <c>ravine</c> turned by 45°, L = 0.25(x + y)² + 12.5(x − y)². Along the diagonal
/// u = (x + y)/√2 the curvature is 1, across it (v = (x − y)/√2) it is 50, so L = 0.5u² + 25v²: the same Hessian
/// eigenvalues (condition number 50, 2/λmax = 0.04) but a valley that no coordinate axis follows. Plain gradient
/// descent cannot tell the two apart (it is rotation invariant); optimizers that rescale each coordinate (Adam,
/// RMSprop, Adagrad) can, which is what this surface is for.
/// </summary>
public sealed class RotatedRavineSurface : Surface
{
    // The ravine's default start (u, v) = (−4, 1) turned with it: x = (u + v)/√2, y = (u − v)/√2.
    private static readonly double _root2 = Math.Sqrt(2);

    /// <inheritdoc />
    public override string Name => "rotated-ravine";

    /// <inheritdoc />
    public override string Formula => "0.25*(x + y)^2 + 12.5*(x - y)^2";

    /// <inheritdoc />
    public override int Dimension => 2;

    /// <inheritdoc />
    public override Curvature? Curvature { get; } = new([0.0, 0.0], 1.0, 50.0);

    /// <inheritdoc />
    public override IReadOnlyList<double> DefaultStart { get; } = [-3 / _root2, -5 / _root2];

    /// <inheritdoc />
    public override ViewBox View => new(-5, 5, -5, 5);

    /// <inheritdoc />
    public override double Value(ReadOnlySpan<double> parameters)
    {
        double s = parameters[0] + parameters[1], d = parameters[0] - parameters[1];
        return (0.25 * s * s) + (12.5 * d * d);
    }

    /// <inheritdoc />
    public override double ValueAndGradient(ReadOnlySpan<double> parameters, Span<double> gradient)
    {
        double s = parameters[0] + parameters[1], d = parameters[0] - parameters[1];
        gradient[0] = (0.5 * s) + (25 * d);
        gradient[1] = (0.5 * s) - (25 * d);
        return (0.25 * s * s) + (12.5 * d * d);
    }
}
