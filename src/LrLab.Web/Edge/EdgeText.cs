using System.Globalization;
using LrLab.Core.Training;

namespace LrLab.Web.Edge;

/// <summary>The words of an /edge summary, from Core's <see cref="EdgeSummary"/> of a run.</summary>
public static class EdgeText
{
    /// <summary>Settled at or above this fraction of 2/η counts as "at the edge".</summary>
    public const double EdgeLow = 0.75;

    /// <summary>Settled above this fraction of 2/η counts as "above" (hovering a little above 2/η is typical).</summary>
    public const double EdgeHigh = 1.5;

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

        var where = s.SettledFraction switch
        {
            < EdgeLow => "below 2/η",
            > EdgeHigh => "above 2/η",
            _ => "at about 2/η: the edge of stability",
        };
        var text = Invariant($"the sharpness {(finished ? "went" : "has gone")} from {s.Start:G3} at the start to a peak of {s.Peak:G3} at step {s.PeakStep} and {(finished ? "settled" : "sits")} at {s.Settled:G3}, {s.SettledFraction:0.00} × 2/η, {where}. ");
        text += s.SpikeStep is { } at
            ? Invariant($"The loss spiked first: at step {at} it stood at least {EdgeSummary.SpikeFactor:0.##}× above its lowest value before.")
            : "The loss never spiked: it fell without a jump.";
        return head + text;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
