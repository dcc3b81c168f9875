using LrLab.Core.Surfaces;

namespace LrLab.Core.Tests.Theory;

/// <summary>
/// L = ½(λ₁u² + λ₂v²) with (u, v) the point turned by <paramref name="angle"/>: a quadratic whose Hessian
/// eigenvalues are exactly λ₁ and λ₂ and whose eigenvectors need not be the axes. Starts at u = v = 1, so both
/// directions carry error.
/// </summary>
internal sealed class RotatedQuadratic(double lambda1, double lambda2, double angle) : Surface
{
    private readonly double _cos = Math.Cos(angle);
    private readonly double _sin = Math.Sin(angle);

    public override string Name => "rotated-quadratic";

    public override string Formula => FormattableString.Invariant($"{lambda1}/2*u^2 + {lambda2}/2*v^2");

    public override int Dimension => 2;

    public override Curvature? Curvature => new([0.0, 0.0], Math.Min(lambda1, lambda2), Math.Max(lambda1, lambda2));

    // (u, v) = (1, 1) turned back into x, y.
    public override IReadOnlyList<double> DefaultStart => [_cos - _sin, _sin + _cos];

    public override ViewBox View => new(-2, 2, -2, 2);

    public override double Value(ReadOnlySpan<double> parameters)
    {
        var (u, v) = Turn(parameters);
        return 0.5 * ((lambda1 * u * u) + (lambda2 * v * v));
    }

    public override double ValueAndGradient(ReadOnlySpan<double> parameters, Span<double> gradient)
    {
        var (u, v) = Turn(parameters);
        double gu = lambda1 * u, gv = lambda2 * v;
        gradient[0] = (_cos * gu) + (_sin * gv);
        gradient[1] = (-_sin * gu) + (_cos * gv);
        return 0.5 * ((lambda1 * u * u) + (lambda2 * v * v));
    }

    private (double U, double V) Turn(ReadOnlySpan<double> p) => ((_cos * p[0]) - (_sin * p[1]), (_sin * p[0]) + (_cos * p[1]));
}
