using System.Globalization;
using LrLab.Core.Training;

namespace LrLab.Web.Edge;

/// <summary>The words of an /edge summary, from Core's <see cref="EdgeSummary"/> of a run.</summary>
public static class EdgeText
{
    /// <summary>One sentence pair for <paramref name="run"/>; <paramref name="finished"/> false words it as "so far".</summary>
    public static string Summary(EdgeRun run, bool finished)
    {
        ArgumentNullException.ThrowIfNull(run);
        var head = Invariant($"η = {EdgeSettings.Rate(run.Lr)} (2/η = {2 / run.Lr:G3}): ");
        if (run.Summary is not { } s)
        {
            return head + "waiting for the first sharpness measurement.";
        }

        if (s.Diverged)
        {
            return head + Invariant($"the loss blew up at step {s.SpikeStep ?? run.Steps}; the rate is far beyond what this network can take.");
        }

        var text = Invariant($"the sharpness {(finished ? "went" : "has gone")} from {s.Start:G3} at the start to a peak of {s.Peak:G3} at step {s.PeakStep} and {(finished ? "settled" : "sits")} at {s.Settled:G3}, {s.SettledFraction:0.00} × 2/η, {s.RegimeWords}. ");
        text += s.SpikeStep is { } at
            ? Invariant($"The loss spiked first: at step {at} it stood at least {EdgeSummary.SpikeFactor:0.##}× above its lowest value before.")
            : "The loss never spiked: it fell without a jump.";
        return head + text;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
