using System.Globalization;
using LrLab.Core.Simulation;

namespace LrLab.Web.Lab;

/// <summary>
/// The verdict panel's words: the engine's explanation of the run, plus what quadratic theory says about
/// this rate on this surface (the factor 1 − αλ each step applies to the error).
/// </summary>
public static class RateExplainer
{
    /// <summary>
    /// The verdict panel's theory paragraph for <paramref name="run"/>: the quadratic theory of its rate for fixed-rate
    /// optimizers, or, for line search, what the search did on this run.
    /// </summary>
    public static string Theory(LabSetup setup, LabRun run)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(run);
        return setup.IsLineSearch ? LineSearch(setup, run.Trajectory) : Theory(setup, run.Lr);
    }

    /// <summary>
    /// What backtracking did on this run: how often it cut the first trial step and to what, how many losses it
    /// evaluated, and where α₀ stands against the fixed-rate limits. The factor 1 − αλ does not apply: the step
    /// length changes every update.
    /// </summary>
    public static string LineSearch(LabSetup setup, Trajectory run)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(run);
        if (run.LineSearch is not { Count: > 0 } searches)
        {
            return string.Empty;
        }

        var armijo = setup.Armijo;
        var n = searches.Count;
        var firsts = searches.Select(s => s.Probes[0].Alpha).ToArray();
        var sameStart = firsts.All(a => LabUrl.SameRate(a, firsts[0]));
        var cut = searches.Where(s => s.Alpha < s.Probes[0].Alpha).ToArray();
        var evaluations = searches.Sum(s => s.Probes.Count);
        var text = Say($"Backtracking starts every update at α₀ {(sameStart ? Say($"= {firsts[0]:G3}") : "(the schedule's rate)")} and multiplies it by ρ = {armijo.Shrink:G3} until the loss falls by at least c·α·|∇L|² (c = {armijo.C:G3}). ");
        if (cut.Length == 0)
        {
            text += Say($"On this run α₀ passed the test on all {n} updates, so it moved exactly like a fixed rate α₀");
        }
        else
        {
            // The most common number of cuts names the typical accepted step.
            var typical = cut.GroupBy(s => s.Probes.Count - 1).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First();
            var cuts = typical.Key;
            var factor = Math.Pow(armijo.Shrink, cuts);
            var to = sameStart ? Say($"{firsts[0]:G3} → {firsts[0] * factor:G3}") : Say($"by ×{factor:G3}");
            text += Say($"The search cut the first step {to} on {typical.Count()} of {n} updates");
            var others = cut.Length - typical.Count();
            text += others > 0 ? Say($", to other lengths on {others} more") : string.Empty;
            text += Say($", and kept α₀ on {n - cut.Length}");
            var stuck = searches.Count(s => s.Alpha == 0);
            text += stuck > 0 ? Say($" ({stuck} updates found no lower point and stayed put)") : string.Empty;
        }

        text += Say($"; {evaluations:N0} loss evaluations in all, {(double)evaluations / n:0.#} per update.");
        if (setup.Surface.Curvature is { } c && c.LambdaMax > 0 && double.IsFinite(c.LambdaMax))
        {
            var alpha0 = firsts[0];
            text += " " + (alpha0 > 2 / c.LambdaMax
                ? Say($"As a fixed rate, α₀ would diverge here (above 2/λmax = {2 / c.LambdaMax:G3}); the search shortens each step that would overshoot, so the run still settles.")
                : alpha0 > 1 / c.LambdaMax
                    ? Say($"As a fixed rate α₀ would zig-zag (above 1/λmax = {1 / c.LambdaMax:G3}) yet converge; the test only demands enough decrease, so some overshoot can remain.")
                    : Say($"α₀ is below 1/λmax = {1 / c.LambdaMax:G3}, where a fixed rate never overshoots: backtracking can only shorten a step, never lengthen it, so a small α₀ crawls just as the fixed rate would."));
        }

        return text;
    }

    /// <summary>One or two sentences on why this rate behaves as it does here.</summary>
    public static string Theory(LabSetup setup, double lr)
    {
        ArgumentNullException.ThrowIfNull(setup);
        if (setup.Surface.Curvature is not { } c || !(c.LambdaMax > 0))
        {
            return string.Empty;
        }

        if (!setup.IsPlainGradientDescent)
        {
            var beta = setup.MomentumBeta;
            return beta > 0
                ? Say($"With momentum β = {beta:G3} the stable range widens from 2/λmax = {2 / c.LambdaMax:G3} to (2+2β)/λmax = {setup.Surface.MomentumLimit(beta):G3}; the velocity carries the point past the floor, so some overshoot is normal.")
                : Say($"{setup.Optimizer} rescales each coordinate by its own running gradient size, so its steps are roughly α long whatever the curvature: the plain gradient descent limits (2/λmax = {2 / c.LambdaMax:G3}) do not apply directly, but too large a rate still rattles around the minimum.");
        }

        var fast = 1 - (lr * c.LambdaMax);
        var slow = 1 - (lr * c.LambdaMin);
        var steep = Say($"Along the steepest direction (λmax = {c.LambdaMax:G4}) each step multiplies the error by 1 − αλ = 1 − {lr:G3}·{c.LambdaMax:G4} = {fast:G3}");
        if (Math.Abs(fast) > 1 + 1e-12)
        {
            return steep + Say($": its size grows {Pct(Math.Abs(fast) - 1)} a step and its sign flips, so the point is thrown further out each time (positive feedback). Stable rates stay below 2/λmax = {2 / c.LambdaMax:G3}.");
        }

        if (Math.Abs(Math.Abs(fast) - 1) <= 1e-12 && fast < 0)
        {
            return steep + ": the point jumps to the mirror image of itself and bounces between the walls forever.";
        }

        if (fast < 0)
        {
            return steep + Say($": the sign flips each step (it overshoots the floor) but the size shrinks by {Pct(1 - Math.Abs(fast))} a step, so it zig-zags inwards. Below 1/λmax = {1 / c.LambdaMax:G3} it would glide without overshooting.");
        }

        var worst = Math.Max(Math.Abs(fast), Math.Abs(slow));
        var needed = worst < 1 ? Math.Ceiling(Math.Log(1e-3) / Math.Log(worst)) : double.PositiveInfinity;
        return steep + Say($" and along the flattest (λmin = {c.LambdaMin:G4}) by {slow:G3}: the slowest direction loses only {Pct(1 - worst)} of its distance to the minimum a step, so shrinking that distance to 0.1 % takes about {needed:N0} steps.");
    }

    /// <summary>The sentence about an overflow: the step and the feedback factor.</summary>
    public static string Overflow(LabSetup setup, Trajectory run)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(run);
        if (run.BlowUpStep is not { } at)
        {
            return string.Empty;
        }

        var what = double.IsNaN(run.Steps[at].Loss) ? "became NaN" : "overflowed to infinity";
        var text = Say($"At α = {run.Lr:G3} the loss {what} at step {at}.");
        if (setup.IsLineSearch)
        {
            text += " The search only takes steps that lower the loss, so it met a point where the loss or its slope is not a finite number.";
        }
        else if (setup.Surface.Curvature is { } c && c.LambdaMax > 0 && setup.IsPlainGradientDescent)
        {
            var factor = Math.Abs(1 - (run.Lr * c.LambdaMax));
            text += Say($" Each step multiplied the error by |1 − αλmax| = {factor:G3} > 1, so after {at} steps it had grown about {factor:G3}^{at} times until float64 ran out of range.");
        }
        else
        {
            text += " Each step overshot by more than the last, the feedback grew until float64 ran out of range.";
        }

        return text;
    }

    private static string Pct(double fraction) => (fraction * 100).ToString(fraction >= 0.1 ? "0" : fraction >= 0.01 ? "0.#" : "0.##", CultureInfo.InvariantCulture) + " %";

    private static string Say(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
