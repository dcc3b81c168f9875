namespace LrLab.Core.Surfaces;

/// <summary>
/// <c>himmelblau</c>: L = (x² + y − 11)² + (x + y² − 7)², four minima with L = 0. Which one a run
/// reaches depends on the start and the rate, a first taste of non-convex landscapes. The reference
/// minimum is (3, 2), Hessian [[74, 20], [20, 34]].
/// </summary>
public sealed class HimmelblauSurface : Surface
{
    /// <summary>Creates the surface.</summary>
    public HimmelblauSurface()
    {
        // (3, 2) is exact; the other three are irrational, given here to double precision
        // (Newton's method on the exact gradient, residual below 1e-13).
        Minima =
        [
            CurvatureAt(3.0, 2.0),
            CurvatureAt(-2.805118086952745, 3.131312518250573),
            CurvatureAt(-3.779310253377747, -3.283185991286169),
            CurvatureAt(3.5844283403304917, -1.8481265269644034),
        ];
        Curvature = Minima[0];
    }

    /// <inheritdoc />
    public override string Name => "himmelblau";

    /// <inheritdoc />
    public override string Formula => "(x^2 + y - 11)^2 + (x + y^2 - 7)^2";

    /// <inheritdoc />
    public override int Dimension => 2;

    /// <summary>The reference minimum (3, 2), the first entry of <see cref="Minima"/>.</summary>
    public override Curvature? Curvature { get; }

    /// <summary>All four minima with their Hessian eigenvalues; the first is the reference (3, 2).</summary>
    public IReadOnlyList<Curvature> Minima { get; }

    /// <inheritdoc />
    public override IReadOnlyList<double> DefaultStart { get; } = [0.0, 0.0];

    /// <inheritdoc />
    public override ViewBox View => new(-5, 5, -5, 5);

    /// <inheritdoc />
    public override double Value(ReadOnlySpan<double> parameters)
    {
        double x = parameters[0], y = parameters[1];
        double a = x * x + y - 11, b = x + y * y - 7;
        return a * a + b * b;
    }

    /// <inheritdoc />
    public override double ValueAndGradient(ReadOnlySpan<double> parameters, Span<double> gradient)
    {
        double x = parameters[0], y = parameters[1];
        double a = x * x + y - 11, b = x + y * y - 7;
        gradient[0] = 4 * x * a + 2 * b;
        gradient[1] = 2 * a + 4 * y * b;
        return a * a + b * b;
    }

    private static Curvature CurvatureAt(double x, double y)
    {
        // Second derivatives of the two squared terms; the gradient's own terms vanish at a minimum
        // only approximately, so the full Hessian is used rather than the Gauss–Newton part.
        double xx = 12 * x * x + 4 * y - 42;
        double xy = 4 * x + 4 * y;
        double yy = 12 * y * y + 4 * x - 26;
        var (min, max) = SymmetricEigenvalues.Of(xx, xy, yy);
        return new Curvature([x, y], min, max);
    }
}
