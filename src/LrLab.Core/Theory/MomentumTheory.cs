using LrLab.Core.Optimizers;
using LrLab.Core.Surfaces;

namespace LrLab.Core.Theory;

/// <summary>
/// What the quadratic model adds for SGD with momentum (PyTorch's v ← βv + g, θ ← θ − αv, Polyak's heavy ball) beyond
/// the limits and contractions <see cref="RateTheory"/> gives: the effective rate along a flat direction and Polyak's
/// best β and α for a valley of condition number κ.
/// </summary>
public static class MomentumTheory
{
    /// <summary>α/(1 − β): along a flat direction the velocity builds up to g/(1 − β), so the stride is this long.</summary>
    public static double EffectiveRate(double lr, double beta) => lr / (1 - beta);

    /// <summary>((√κ − 1)/(√κ + 1))²: the β that makes heavy ball fastest on a quadratic (Polyak 1964).</summary>
    public static double BestBeta(Curvature curvature)
    {
        ArgumentNullException.ThrowIfNull(curvature);
        var root = Math.Sqrt(curvature.ConditionNumber);
        var r = (root - 1) / (root + 1);
        return r * r;
    }

    /// <summary>4/(√λmax + √λmin)²: the rate that goes with <see cref="BestBeta"/>.</summary>
    public static double BestRate(Curvature curvature)
    {
        ArgumentNullException.ThrowIfNull(curvature);
        var s = Math.Sqrt(curvature.LambdaMax) + Math.Sqrt(curvature.LambdaMin);
        return 4 / (s * s);
    }

    /// <summary>The theory of heavy ball (or PyTorch's Nesterov) with momentum <paramref name="beta"/> at <paramref name="curvature"/>.</summary>
    public static RateTheory? For(Curvature curvature, double beta, bool nesterov = false) =>
        RateTheory.For(curvature, new Sgd(new OptimizerOptions { Momentum = beta, Nesterov = nesterov && beta > 0 }));
}
