namespace LrLab.Core.Training;

/// <summary>
/// A run at rate η read against the edge of stability: where the sharpness started, peaked and settled, beside
/// 2/η, and whether the loss spiked on the way (rose to <see cref="SpikeFactor"/> times the lowest loss before it:
/// the catapult of a rate too large for the curvature it meets). Full-batch gradient descent typically sharpens
/// until the sharpness reaches about 2/η and then hovers there (Cohen et al. 2021).
/// </summary>
/// <param name="Lr">The rate η.</param>
/// <param name="Limit">2/η.</param>
/// <param name="Start">Sharpness at the initial weights.</param>
/// <param name="Peak">Largest sharpness measured.</param>
/// <param name="PeakStep">Step of <paramref name="Peak"/>.</param>
/// <param name="Settled">Median of the sharpness measured in the second half of the run.</param>
/// <param name="Spiked">The loss rose to at least <see cref="SpikeFactor"/> times its lowest earlier value.</param>
/// <param name="SpikeStep">The step of the largest such rise, if any.</param>
/// <param name="Diverged">The loss or the sharpness stopped being finite.</param>
public sealed record EdgeSummary(double Lr, double Limit, double Start, double Peak, int PeakStep, double Settled, bool Spiked, int? SpikeStep, bool Diverged)
{
    /// <summary>How far above its lowest earlier value the loss must rise to count as a spike.</summary>
    public const double SpikeFactor = 1.25;

    /// <summary>Settled sharpness over 2/η (about 1 at the edge of stability, well below 1 when the run never got there).</summary>
    public double SettledFraction => Settled / Limit;

    /// <summary>Below this fraction of 2/η the settled sharpness counts as <see cref="EdgeRegime.Below"/>.</summary>
    public const double ApproachingFrom = 0.6;

    /// <summary>From this fraction of 2/η on the settled sharpness counts as <see cref="EdgeRegime.AtEdge"/>.</summary>
    public const double EdgeFrom = 0.85;

    /// <summary>Above this fraction of 2/η it counts as <see cref="EdgeRegime.Above"/> (hovering a little above 2/η is typical).</summary>
    public const double AboveFrom = 1.5;

    /// <summary>Where <see cref="Settled"/> sits against 2/η.</summary>
    public EdgeRegime Regime => SettledFraction switch
    {
        < ApproachingFrom => EdgeRegime.Below,
        < EdgeFrom => EdgeRegime.Approaching,
        > AboveFrom => EdgeRegime.Above,
        _ => EdgeRegime.AtEdge,
    };

    /// <summary>The regime in a few words, for every face (the CLI's table, the /edge summary).</summary>
    public string RegimeWords => Regime switch
    {
        EdgeRegime.Below => "well below 2/η",
        EdgeRegime.Approaching => "just under 2/η, approaching the edge",
        EdgeRegime.Above => "above 2/η",
        _ => "at about 2/η: the edge of stability",
    };

    /// <summary>
    /// Reads a run: <paramref name="losses"/>[k] is the loss at the weights after k updates, <paramref name="sharpness"/>
    /// the measurements in step order. Returns null without any sharpness measurement.
    /// </summary>
    public static EdgeSummary? Of(double lr, ReadOnlySpan<float> losses, IReadOnlyList<SharpnessPoint> sharpness)
    {
        ArgumentNullException.ThrowIfNull(sharpness);
        if (sharpness.Count == 0)
        {
            return null;
        }

        var diverged = false;
        var peak = sharpness[0];
        foreach (var point in sharpness)
        {
            diverged |= !double.IsFinite(point.Value);
            if (point.Value > peak.Value)
            {
                peak = point;
            }
        }

        var half = sharpness[^1].Step / 2;
        var tail = sharpness.Where(p => p.Step >= half && double.IsFinite(p.Value)).Select(p => p.Value).Order().ToArray();
        var settled = tail.Length == 0 ? double.NaN : tail.Length % 2 == 1 ? tail[tail.Length / 2] : 0.5 * (tail[(tail.Length / 2) - 1] + tail[tail.Length / 2]);

        int? spikeStep = null;
        var worst = 1.0;
        var lowest = double.PositiveInfinity;
        for (var k = 0; k < losses.Length; k++)
        {
            double loss = losses[k];
            if (!double.IsFinite(loss))
            {
                diverged = true;
                spikeStep ??= k;
                break;
            }

            if (loss / lowest > worst)
            {
                worst = loss / lowest;
                if (worst >= SpikeFactor)
                {
                    spikeStep = k;
                }
            }

            lowest = Math.Min(lowest, loss);
        }

        return new EdgeSummary(lr, 2 / lr, sharpness[0].Value, peak.Value, peak.Step, settled, spikeStep is not null, spikeStep, diverged);
    }
}
