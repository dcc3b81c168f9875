using System.Globalization;
using LrLab.Core.Simulation;
using LrLab.Core.Theory;

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
        if (setup.Theory is { } theory)
        {
            var alpha0 = firsts[0];
            text += " " + (alpha0 > theory.GradientDescentLimit
                ? Say($"As a fixed rate, α₀ would diverge here (above 2/λmax = {theory.GradientDescentLimit:G3}); the search shortens each step that would overshoot, so the run still settles.")
                : alpha0 > theory.MonotoneLimit
                    ? Say($"As a fixed rate α₀ would zig-zag (above 1/λmax = {theory.MonotoneLimit:G3}) yet converge; the test only demands enough decrease, so some overshoot can remain.")
                    : Say($"α₀ is below 1/λmax = {theory.MonotoneLimit:G3}, where a fixed rate never overshoots: backtracking can only shorten a step, never lengthen it, so a small α₀ crawls just as the fixed rate would."));
        }

        return text;
    }

    /// <summary>One or two sentences on why this rate behaves as it does here (Core's <see cref="TheoryWords.Explain"/>).</summary>
    public static string Theory(LabSetup setup, double lr)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return setup.Theory is { } theory ? TheoryWords.Explain(theory, lr) : string.Empty;
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
        else if (setup.Theory is { } theory && TheoryWords.Overflow(theory, run.Lr, at) is { Length: > 0 } why)
        {
            text += why;
        }
        else
        {
            text += " Each step overshot by more than the last, the feedback grew until float64 ran out of range.";
        }

        return text;
    }

    private static string Say(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
