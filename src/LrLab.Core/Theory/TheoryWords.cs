using System.Globalization;

namespace LrLab.Core.Theory;

/// <summary>
/// <see cref="RateTheory"/> put into words: the marks on a rate axis, one sentence on the limit, and the paragraph
/// that explains a given rate. Every face (lab, lessons, sweep, CLI) says theory with these, so a limit is typed once.
/// </summary>
public static class TheoryWords
{
    /// <summary>The rates worth marking for this theory, smallest first.</summary>
    public static IReadOnlyList<TheoryMark> Marks(RateTheory theory)
    {
        ArgumentNullException.ThrowIfNull(theory);
        var gd = theory.GradientDescentLimit;
        if (theory.Kind == UpdateKind.LineSearch)
        {
            // Only the divergence limit still says something: above it a fixed rate blows up, while the search
            // cuts such first steps back. The other marks describe fixed-rate behaviour the search does not have.
            return [new(gd, "2/λmax", Say($"a fixed rate diverges above {gd:G3}; line search cuts any longer first step back until the loss falls enough, so α₀ may lie above it"))];
        }

        var marks = new List<TheoryMark>
        {
            new(theory.MonotoneLimit, "1/λmax", Say($"oscillation begins: above {theory.MonotoneLimit:G3} the steepest direction overshoots and flips sign each step")),
        };
        if (theory.OptimalRate is { } best && theory.LambdaMin < theory.LambdaMax)
        {
            marks.Add(new(best, "2/(λmin+λmax)", Say($"fastest plain gradient descent: at {best:G3} the slowest direction and the steepest one shrink equally fast")));
        }

        marks.Add(new(gd, "2/λmax", Say($"divergence: above {gd:G3} each step multiplies the error by more than 1")));
        if (theory.HasMomentum && theory.StabilityLimit is { } limit)
        {
            marks.Add(new(limit, theory.LimitFormula!, Say($"divergence with {MomentumName(theory)} β = {theory.Momentum:G3}: it stays stable up to {limit:G3}")));
        }

        return [.. marks.OrderBy(m => m.Lr)];
    }

    /// <summary>One sentence: the limit and its formula with the numbers, or why there is none.</summary>
    public static string Limit(RateTheory theory)
    {
        ArgumentNullException.ThrowIfNull(theory);
        return theory.Kind switch
        {
            UpdateKind.Adaptive => Say($"{theory.Optimizer} has no fixed stability limit: it divides each coordinate's step by that coordinate's running gradient size, so the step is about α long whatever the curvature (plain gradient descent's 2/λmax = {theory.GradientDescentLimit:G3} does not apply)."),
            UpdateKind.LineSearch => Say($"Line search has no fixed stability limit: it shortens any first trial step that does not lower the loss enough (a fixed rate diverges above 2/λmax = {theory.GradientDescentLimit:G3})."),
            _ => Say($"{Who(theory)} diverges above {theory.LimitFormula} = {theory.StabilityLimit:G3}{WeightDecayNote(theory)}."),
        };
    }

    /// <summary>One or two sentences on why rate <paramref name="lr"/> behaves as it does here (empty for line search).</summary>
    public static string Explain(RateTheory theory, double lr)
    {
        ArgumentNullException.ThrowIfNull(theory);
        return theory.Kind switch
        {
            UpdateKind.GradientDescent => WeightDecayLead(theory) + GradientDescent(theory, lr),
            UpdateKind.HeavyBall => Say($"With {MomentumName(theory)} β = {theory.Momentum:G3}{DampeningNote(theory)} the stable range widens from 2/λmax = {theory.GradientDescentLimit:G3} to {theory.LimitFormula} = {theory.StabilityLimit:G3}{WeightDecayNote(theory)}; the velocity carries the point past the floor, so some overshoot is normal.") + Rate(theory, lr),
            UpdateKind.Nesterov => Say($"With {MomentumName(theory)} β = {theory.Momentum:G3} the stable range is {theory.LimitFormula} = {theory.StabilityLimit:G3}{WeightDecayNote(theory)}, narrower than plain gradient descent's 2/λmax = {theory.GradientDescentLimit:G3}: each update adds the look-ahead β·v to the gradient step, so a steep wall is hit harder.") + Rate(theory, lr),
            UpdateKind.Adaptive => Say($"{theory.Optimizer} rescales each coordinate by its own running gradient size, so its steps are roughly α long whatever the curvature: the plain gradient descent limits (2/λmax = {theory.GradientDescentLimit:G3}) do not apply directly, but too large a rate still rattles around the minimum."),
            _ => string.Empty,
        };
    }

    /// <summary>Why a run at <paramref name="lr"/> overflowed, from the per-step factor; empty when theory has no factor.</summary>
    public static string Overflow(RateTheory theory, double lr, int step)
    {
        ArgumentNullException.ThrowIfNull(theory);
        if (theory.Contraction(lr) is not { } rho || !(rho > 1))
        {
            return string.Empty;
        }

        var factor = theory.Kind == UpdateKind.GradientDescent ? "|1 − αλmax|" : "the factor ρ";
        return Say($" Each step multiplied the error by {factor} = {rho:G3} > 1, so after {step} steps it had grown about {rho:G3}^{step} times until float64 ran out of range.");
    }

    /// <summary>The plain-descent paragraph: the factor 1 − αλ along the steepest and the flattest direction.</summary>
    private static string GradientDescent(RateTheory theory, double lr)
    {
        var fast = 1 - (lr * theory.LambdaMax);
        var slow = 1 - (lr * theory.LambdaMin);
        var steep = Say($"Along the steepest direction (λmax = {theory.LambdaMax:G4}) each step multiplies the error by 1 − αλ = 1 − {lr:G3}·{theory.LambdaMax:G4} = {fast:G3}");
        if (Math.Abs(fast) > 1 + 1e-12)
        {
            return steep + Say($": its size grows {Pct(Math.Abs(fast) - 1)} a step and its sign flips, so the point is thrown further out each time (positive feedback). Stable rates stay below 2/λmax = {theory.GradientDescentLimit:G3}.");
        }

        if (Math.Abs(Math.Abs(fast) - 1) <= 1e-12 && fast < 0)
        {
            return steep + ": the point jumps to the mirror image of itself and bounces between the walls forever.";
        }

        if (fast < 0)
        {
            return steep + Say($": the sign flips each step (it overshoots the floor) but the size shrinks by {Pct(1 - Math.Abs(fast))} a step, so it zig-zags inwards. Below 1/λmax = {theory.MonotoneLimit:G3} it would glide without overshooting.");
        }

        var worst = theory.Contraction(lr) ?? 1;
        var needed = theory.StepsToShrink(lr) is { } n ? n.ToString("N0", CultureInfo.InvariantCulture) : "∞";
        return steep + Say($" and along the flattest (λmin = {theory.LambdaMin:G4}) by {slow:G3}: the slowest direction loses only {Pct(1 - worst)} of its distance to the minimum a step, so shrinking that distance to 0.1 % takes about {needed} steps.");
    }

    /// <summary>The momentum paragraph's second half: where α stands against the limit, from ρ(α).</summary>
    private static string Rate(RateTheory theory, double lr)
    {
        if (theory.Contraction(lr) is not { } rho || !double.IsFinite(rho))
        {
            return string.Empty;
        }

        if (rho >= 1)
        {
            return Say($" At α = {lr:G3} that limit is exceeded: the error grows ×{rho:G3} a step.");
        }

        return Say($" At α = {lr:G3} the error shrinks ×{rho:G3} a step in the long run, so reaching 0.1 % of its distance to the minimum takes about {theory.StepsToShrink(lr):N0} steps.");
    }

    private static string Who(RateTheory theory) => theory.Kind switch
    {
        UpdateKind.GradientDescent => "Plain gradient descent",
        _ => Say($"SGD with {MomentumName(theory)} β = {theory.Momentum:G3}{DampeningNote(theory)}"),
    };

    private static string MomentumName(RateTheory theory) => theory.Kind == UpdateKind.Nesterov ? "PyTorch's Nesterov momentum" : "momentum";

    private static string DampeningNote(RateTheory theory) => theory.Dampening > 0 ? Say($" and dampening τ = {theory.Dampening:G3}") : string.Empty;

    private static string WeightDecayNote(RateTheory theory) => theory.WeightDecay > 0 ? Say($" (weight decay {theory.WeightDecay:G3} adds to every curvature: λmax = {theory.LambdaMax:G4})") : string.Empty;

    private static string WeightDecayLead(RateTheory theory) => theory.WeightDecay > 0 ? Say($"Weight decay {theory.WeightDecay:G3} adds {theory.WeightDecay:G3} to every curvature. ") : string.Empty;

    private static string Pct(double fraction) => (fraction * 100).ToString(fraction >= 0.1 ? "0" : fraction >= 0.01 ? "0.#" : "0.##", CultureInfo.InvariantCulture) + " %";

    private static string Say(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
