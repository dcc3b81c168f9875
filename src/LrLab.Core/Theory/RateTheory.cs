using LrLab.Core.Optimizers;
using LrLab.Core.Surfaces;

namespace LrLab.Core.Theory;

/// <summary>
/// What the quadratic model around a minimum predicts for one optimizer: the one place the lab, the sweep, the
/// lessons and the CLI read stability limits, the best fixed rate, the contraction per step and the steps needed.
/// </summary>
/// <remarks>
/// Near a minimum L ≈ ½·Σλᵢeᵢ² with Hessian eigenvalues λmin ≤ λmax. Along each eigenvector the error e obeys a
/// linear recurrence whose largest root in absolute value, ρ, is the factor it shrinks (ρ &lt; 1) or grows by each
/// step. Plain descent: e ← (1 − αλ)e. PyTorch's momentum v ← βv + (1 − τ)λe, e ← e − αv has roots of
/// z² − (1 + β − α(1 − τ)λ)z + β; its Nesterov form e ← e − α(λe + βv) has roots of
/// z² − (1 + β − α(1 + β)λ)z + β(1 − αλ). Jury's test on these gives the limits below. Weight decay wd adds wd·θ to
/// the gradient, so every curvature grows by wd. Adaptive optimizers divide by a running gradient size, so their step
/// does not scale with λ and no fixed limit exists; line search picks its own step lengths.
/// </remarks>
public sealed record RateTheory
{
    private RateTheory(UpdateKind kind, string optimizer, Curvature curvature, double momentum, double dampening, double weightDecay)
    {
        Kind = kind;
        Optimizer = optimizer;
        Momentum = momentum;
        Dampening = dampening;
        WeightDecay = weightDecay;
        LambdaMin = curvature.LambdaMin + weightDecay;
        LambdaMax = curvature.LambdaMax + weightDecay;
    }

    /// <summary>Which family of update the predictions are for.</summary>
    public UpdateKind Kind { get; }

    /// <summary>The optimizer's name (<c>sgd</c>, <c>nesterov</c>, <c>adam</c>, <c>linesearch</c>, …).</summary>
    public string Optimizer { get; }

    /// <summary>Smallest curvature the update sees: the Hessian's smallest eigenvalue plus the weight decay.</summary>
    public double LambdaMin { get; }

    /// <summary>Largest curvature the update sees: the Hessian's largest eigenvalue plus the weight decay.</summary>
    public double LambdaMax { get; }

    /// <summary>β (0 without momentum).</summary>
    public double Momentum { get; }

    /// <summary>τ, PyTorch's <c>dampening</c> (0 unless set).</summary>
    public double Dampening { get; }

    /// <summary>PyTorch's <c>weight_decay</c> (coupled, as SGD applies it; 0 for adaptive optimizers).</summary>
    public double WeightDecay { get; }

    /// <summary>λmax/λmin: how much narrower the valley is across than along.</summary>
    public double ConditionNumber => LambdaMax / LambdaMin;

    /// <summary>1/λmax: below it plain gradient descent approaches the minimum without overshooting.</summary>
    public double MonotoneLimit => 1 / LambdaMax;

    /// <summary>2/λmax: a fixed plain gradient-descent rate diverges above it (the reference for every optimizer).</summary>
    public double GradientDescentLimit => 2 / LambdaMax;

    /// <summary>2/(λmin + λmax): the fixed plain rate that shrinks the slowest direction fastest; null unless λmin &gt; 0.</summary>
    public double? OptimalRate => LambdaMin > 0 ? 2 / (LambdaMin + LambdaMax) : null;

    /// <summary>The rate above which this optimizer diverges; null when there is no fixed limit (adaptive, line search).</summary>
    public double? StabilityLimit => Kind switch
    {
        UpdateKind.GradientDescent => 2 / LambdaMax,
        UpdateKind.HeavyBall => (2 + (2 * Momentum)) / ((1 - Dampening) * LambdaMax),
        UpdateKind.Nesterov => (2 + (2 * Momentum)) / ((1 + (2 * Momentum)) * LambdaMax),
        _ => null,
    };

    /// <summary>The formula of <see cref="StabilityLimit"/> (e.g. <c>(2+2β)/((1+2β)λmax)</c>); null when there is none.</summary>
    public string? LimitFormula => Kind switch
    {
        UpdateKind.GradientDescent => "2/λmax",
        UpdateKind.HeavyBall => Dampening > 0 ? "(2+2β)/((1−τ)λmax)" : "(2+2β)/λmax",
        UpdateKind.Nesterov => "(2+2β)/((1+2β)λmax)",
        _ => null,
    };

    /// <summary>Whether the update has momentum whose limit differs from plain gradient descent's.</summary>
    public bool HasMomentum => Kind is UpdateKind.HeavyBall or UpdateKind.Nesterov;

    /// <summary>
    /// The theory for <paramref name="optimizer"/> on <paramref name="surface"/>, or null when the surface has no
    /// known positive curvature at its minimum or the optimizer ascends (<c>maximize</c>).
    /// </summary>
    public static RateTheory? For(Surface surface, IOptimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(surface);
        return For(surface.Curvature, optimizer);
    }

    /// <summary>The theory for <paramref name="optimizer"/> at a minimum with <paramref name="curvature"/> (null: see <see cref="For(Surface, IOptimizer)"/>).</summary>
    public static RateTheory? For(Curvature? curvature, IOptimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        if (!Known(curvature) || optimizer.Options.Maximize)
        {
            return null;
        }

        var options = optimizer.Options;
        var kind = KindOf(optimizer);
        return kind == UpdateKind.Adaptive
            ? new RateTheory(kind, optimizer.Name, curvature!, 0, 0, 0)
            : new RateTheory(kind, optimizer.Name, curvature!, Math.Max(0, options.Momentum ?? 0), options.Dampening ?? 0, options.WeightDecay ?? 0);
    }

    /// <summary>Which update family <paramref name="optimizer"/> belongs to (whatever the surface).</summary>
    public static UpdateKind KindOf(IOptimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        if (optimizer is not Sgd)
        {
            return UpdateKind.Adaptive;
        }

        var options = optimizer.Options;
        return (options.Momentum ?? 0) <= 0 ? UpdateKind.GradientDescent : options.Nesterov ? UpdateKind.Nesterov : UpdateKind.HeavyBall;
    }

    /// <summary>Plain gradient descent (SGD without momentum or weight decay) at a minimum with <paramref name="curvature"/>.</summary>
    public static RateTheory? GradientDescent(Curvature? curvature) =>
        Known(curvature) ? new RateTheory(UpdateKind.GradientDescent, "sgd", curvature!, 0, 0, 0) : null;

    /// <summary>Backtracking line search named <paramref name="name"/>: no fixed limit, the plain limits as reference.</summary>
    public static RateTheory? LineSearch(Curvature? curvature, string name) =>
        Known(curvature) ? new RateTheory(UpdateKind.LineSearch, name, curvature!, 0, 0, 0) : null;

    /// <summary>
    /// ρ(α): the factor the error along the worse of the two extreme directions is multiplied by per step, in the
    /// long run (the spectral radius of the update). Below 1 the run converges, above 1 it diverges. Null for adaptive
    /// optimizers and line search, whose step length is not α·λ.
    /// </summary>
    public double? Contraction(double lr)
    {
        if (Kind is UpdateKind.Adaptive or UpdateKind.LineSearch)
        {
            return null;
        }

        return Math.Max(Radius(lr, LambdaMin), Radius(lr, LambdaMax));
    }

    /// <summary>
    /// Steps for the error to shrink to <paramref name="fraction"/> of its start at rate <paramref name="lr"/>:
    /// ⌈ln(fraction)/ln ρ⌉. The loss gap shrinks as ρ², so a gap tolerance t is the distance fraction √t.
    /// Null when ρ ≥ 1 (never) or unknown (adaptive, line search).
    /// </summary>
    public int? StepsToShrink(double lr, double fraction = 1e-3)
    {
        if (Contraction(lr) is not { } rho || !(rho < 1) || !(fraction > 0 && fraction < 1))
        {
            return null;
        }

        if (rho == 0)
        {
            return 1;
        }

        var steps = Math.Ceiling(Math.Log(fraction) / Math.Log(rho));
        return steps > int.MaxValue / 2 ? null : (int)steps;
    }

    private static bool Known(Curvature? c) => c is not null && c.LambdaMax > 0 && double.IsFinite(c.LambdaMax) && double.IsFinite(c.LambdaMin);

    /// <summary>Largest |root| of z² − T·z + D for the error along a direction of curvature λ.</summary>
    private double Radius(double lr, double lambda)
    {
        double trace, det;
        var beta = Momentum;
        if (Kind == UpdateKind.Nesterov)
        {
            trace = 1 + beta - (lr * (1 + beta) * lambda);
            det = beta * (1 - (lr * lambda));
        }
        else
        {
            // Plain descent is the heavy ball with β = 0: roots 0 and 1 − αλ.
            trace = 1 + beta - (lr * (1 - Dampening) * lambda);
            det = beta;
        }

        var disc = (trace * trace) - (4 * det);
        if (disc < 0)
        {
            return Math.Sqrt(det);
        }

        var root = Math.Sqrt(disc);
        return Math.Max(Math.Abs(trace + root), Math.Abs(trace - root)) / 2;
    }
}
