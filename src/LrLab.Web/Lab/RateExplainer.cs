using System.Globalization;
using LrLab.Core.Simulation;

namespace LrLab.Web.Lab;

/// <summary>
/// The verdict panel's words: the engine's explanation of the run, plus what quadratic theory says about
/// this rate on this surface (the factor 1 − αλ each step applies to the error).
/// </summary>
public static class RateExplainer
{
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
        if (setup.Surface.Curvature is { } c && c.LambdaMax > 0 && setup.IsPlainGradientDescent)
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
