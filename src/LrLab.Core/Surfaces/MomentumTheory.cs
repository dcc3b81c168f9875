namespace LrLab.Core.Surfaces;

/// <summary>
/// What the quadratic model says about SGD with momentum (PyTorch's form v ← βv + g, θ ← θ − αv, Polyak's heavy
/// ball): the effective rate, the stability limits, and the best β and α for a valley of condition number κ.
/// </summary>
public static class MomentumTheory
{
    /// <summary>α/(1 − β): along a flat direction the velocity builds up to g/(1 − β), so the stride is this long.</summary>
    public static double EffectiveRate(double lr, double beta) => lr / (1 - beta);

    /// <summary>
    /// (2 + 2β)/((1 − τ)λmax): heavy ball diverges above it (dampening τ scales the gradient by 1 − τ). At β = 0 it is
    /// plain gradient descent's 2/λmax.
    /// </summary>
    public static double HeavyBallLimit(double lambdaMax, double beta, double dampening = 0) =>
        (2 + (2 * beta)) / ((1 - dampening) * lambdaMax);

    /// <summary>(2 + 2β)/((1 + 2β)λmax): PyTorch's Nesterov step θ ← θ − α(g + βv) diverges above it.</summary>
    public static double NesterovLimit(double lambdaMax, double beta) =>
        (2 + (2 * beta)) / ((1 + (2 * beta)) * lambdaMax);

    /// <summary>((√κ − 1)/(√κ + 1))²: the β that makes heavy ball fastest on a quadratic (Polyak 1964).</summary>
    public static double BestBeta(Curvature curvature)
    {
        ArgumentNullException.ThrowIfNull(curvature);
        var r = BestContraction(curvature);
        return r * r;
    }

    /// <summary>4/(√λmax + √λmin)²: the rate that goes with <see cref="BestBeta"/>.</summary>
    public static double BestRate(Curvature curvature)
    {
        ArgumentNullException.ThrowIfNull(curvature);
        var s = Math.Sqrt(curvature.LambdaMax) + Math.Sqrt(curvature.LambdaMin);
        return 4 / (s * s);
    }

    /// <summary>(√κ − 1)/(√κ + 1): the factor by which the best heavy ball shrinks the error per step.</summary>
    public static double BestContraction(Curvature curvature)
    {
        ArgumentNullException.ThrowIfNull(curvature);
        var root = Math.Sqrt(curvature.ConditionNumber);
        return (root - 1) / (root + 1);
    }

    /// <summary>(κ − 1)/(κ + 1): the factor per step of plain gradient descent at its best rate 2/(λmin + λmax).</summary>
    public static double PlainContraction(Curvature curvature)
    {
        ArgumentNullException.ThrowIfNull(curvature);
        var k = curvature.ConditionNumber;
        return (k - 1) / (k + 1);
    }
}
