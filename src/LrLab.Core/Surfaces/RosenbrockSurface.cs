namespace LrLab.Core.Surfaces;

/// <summary>
/// <c>rosenbrock</c>: L = (1 − x)² + 100(y − x²)², a curved banana-shaped valley with its minimum at
/// (1, 1). The Hessian there is [[802, −400], [−400, 200]]: λ ≈ 0.3994 and ≈ 1001.6, condition ≈ 2508.
/// </summary>
public sealed class RosenbrockSurface : Surface
{
    /// <summary>Creates the surface.</summary>
    public RosenbrockSurface()
    {
        var (min, max) = SymmetricEigenvalues.Of(802, -400, 200);
        Curvature = new Curvature([1.0, 1.0], min, max);
    }

    /// <inheritdoc />
    public override string Name => "rosenbrock";

    /// <inheritdoc />
    public override string Formula => "(1 - x)^2 + 100*(y - x^2)^2";

    /// <inheritdoc />
    public override int Dimension => 2;

    /// <inheritdoc />
    public override Curvature? Curvature { get; }

    /// <inheritdoc />
    public override IReadOnlyList<double> DefaultStart { get; } = [-1.5, 2.0];

    /// <inheritdoc />
    public override ViewBox View => new(-2, 2, -1, 3);

    /// <inheritdoc />
    public override double Value(ReadOnlySpan<double> parameters)
    {
        double x = parameters[0], y = parameters[1];
        double a = 1 - x, b = y - x * x;
        return a * a + 100 * b * b;
    }

    /// <inheritdoc />
    public override double ValueAndGradient(ReadOnlySpan<double> parameters, Span<double> gradient)
    {
        double x = parameters[0], y = parameters[1];
        double a = 1 - x, b = y - x * x;
        gradient[0] = -2 * a - 400 * x * b;
        gradient[1] = 200 * b;
        return a * a + 100 * b * b;
    }
}
