namespace LrLab.Core.Finder;

/// <summary>
/// Reads a suggestion and the shape of a range-test curve from its rates and smoothed losses.
/// Pure and independent of how the curve was recorded, so it is tested on synthetic curves.
/// </summary>
/// <remarks>
/// Only the finite prefix of the curve is read (a final NaN or infinity marks the blow-up).
/// <list type="bullet">
/// <item><b>Steepest descent</b>: the point where d(smoothed loss)/d(ln lr) is most negative, by central
/// differences (one-sided at the ends), between the skipped start and the lowest loss. The first
/// <c>min(10, n/10)</c> and the last <c>min(5, n/20)</c> of the n finite points are skipped, as
/// torch-lr-finder does (10 and 5 on a 100-point curve): the first points carry the noise of a nearly
/// untrained model and the last ones the blow-up. It must be strictly negative; otherwise, and on curves
/// under 3 points, the suggestion falls back to min-loss/10.</item>
/// <item><b>Regions</b>, with s₀ the first smoothed loss, s* the lowest and drop = s₀ − s*: flat until the
/// loss is 10 % of the drop below s₀; descending until it is within 10 % of the drop above s*; best until,
/// after the minimum, it rises above s* + min(10 % of the drop, |s*|) (the <b>climb point</b>: a tenth of
/// the way back up, or double the best loss, whichever comes first); climbing from there, including a
/// non-finite last point. A curve that never falls is flat up to its climb.</item>
/// </list>
/// </remarks>
public static class FinderAnalysis
{
    /// <summary>Method name when the steepest descent was found.</summary>
    public const string SteepestDescent = "steepest-descent";

    /// <summary>Method name of the fallback (lowest loss rate ÷ 10).</summary>
    public const string MinLossOver10 = "min-loss/10";

    /// <summary>Method name when nothing could be suggested.</summary>
    public const string NoSuggestion = "none";

    /// <summary>Fraction of the total drop that separates the regions.</summary>
    public const double RegionFraction = 0.1;

    /// <summary>Analyses the curve given by <paramref name="lrs"/> and <paramref name="smoothed"/> (same length, rates positive and increasing).</summary>
    public static CurveAnalysis Analyse(IReadOnlyList<double> lrs, IReadOnlyList<double> smoothed)
    {
        ArgumentNullException.ThrowIfNull(lrs);
        ArgumentNullException.ThrowIfNull(smoothed);
        if (lrs.Count != smoothed.Count)
        {
            throw new ArgumentException("lrs and smoothed must have the same length", nameof(smoothed));
        }

        var n = lrs.Count;
        var finite = 0;
        while (finite < n && double.IsFinite(smoothed[finite]))
        {
            finite++;
        }

        if (finite == 0)
        {
            IReadOnlyList<CurveRegion> regions = n == 0 ? [] : [Region(RegionKind.Climbing, 0, n, lrs)];
            return new CurveAnalysis(null, null, NoSuggestion, null, null, null, n > 0 ? lrs[0] : null, n > 0 ? 0 : null, n > 0 ? lrs[0] / 10 : null, 0, 0, regions);
        }

        var lowest = ArgMin(smoothed, finite);
        var skipStart = Math.Min(10, finite / 10);
        var skipEnd = Math.Min(5, finite / 20);
        var steepest = finite >= 3 ? Steepest(lrs, smoothed, finite, skipStart, Math.Min(finite - skipEnd, lowest + 1)) : null;
        var climb = ClimbIndex(smoothed, finite, n, lowest);
        var minLossLr = lrs[lowest] / 10;

        return new CurveAnalysis(
            steepest is { } s ? lrs[s] : minLossLr,
            steepest,
            steepest is null ? MinLossOver10 : SteepestDescent,
            lrs[lowest],
            lowest,
            minLossLr,
            climb is { } c ? lrs[c] : null,
            climb,
            climb is { } c2 ? lrs[c2] / 10 : null,
            skipStart,
            skipEnd,
            Regions(lrs, smoothed, n, lowest, climb ?? n));
    }

    /// <summary>d(smoothed)/d(ln lr) at <paramref name="i"/>: central difference inside, one-sided at the ends of the finite prefix.</summary>
    internal static double Slope(IReadOnlyList<double> lrs, IReadOnlyList<double> smoothed, int finite, int i)
    {
        var left = Math.Max(i - 1, 0);
        var right = Math.Min(i + 1, finite - 1);
        return (smoothed[right] - smoothed[left]) / (Math.Log(lrs[right]) - Math.Log(lrs[left]));
    }

    private static int? Steepest(IReadOnlyList<double> lrs, IReadOnlyList<double> smoothed, int finite, int from, int to)
    {
        int? best = null;
        var bestSlope = 0.0;
        for (var i = from; i < to; i++)
        {
            var slope = Slope(lrs, smoothed, finite, i);
            if (slope < bestSlope)
            {
                bestSlope = slope;
                best = i;
            }
        }

        return best;
    }

    private static int ArgMin(IReadOnlyList<double> values, int count)
    {
        var index = 0;
        for (var i = 1; i < count; i++)
        {
            if (values[i] < values[index])
            {
                index = i;
            }
        }

        return index;
    }

    private static int? ClimbIndex(IReadOnlyList<double> smoothed, int finite, int n, int lowest)
    {
        var best = smoothed[lowest];
        var drop = smoothed[0] - best;
        var margin = drop > 0 ? Math.Min(RegionFraction * drop, Math.Abs(best)) : RegionFraction * Math.Abs(best);
        for (var i = lowest + 1; i < finite; i++)
        {
            if (smoothed[i] > best + margin)
            {
                return i;
            }
        }

        return finite < n ? finite : null;
    }

    private static List<CurveRegion> Regions(IReadOnlyList<double> lrs, IReadOnlyList<double> smoothed, int n, int lowest, int climb)
    {
        var regions = new List<CurveRegion>(4);
        var start = smoothed[0];
        var best = smoothed[lowest];
        var drop = start - best;
        if (drop <= 0)
        {
            Add(regions, RegionKind.Flat, 0, climb, lrs);
            Add(regions, RegionKind.Climbing, climb, n, lrs);
            return regions;
        }

        var margin = RegionFraction * drop;
        var descending = FirstAtOrAfter(0, lowest, i => smoothed[i] < start - margin);
        var bottom = FirstAtOrAfter(descending, lowest, i => smoothed[i] <= best + margin);
        Add(regions, RegionKind.Flat, 0, descending, lrs);
        Add(regions, RegionKind.Descending, descending, bottom, lrs);
        Add(regions, RegionKind.Best, bottom, climb, lrs);
        Add(regions, RegionKind.Climbing, climb, n, lrs);
        return regions;
    }

    private static int FirstAtOrAfter(int from, int last, Func<int, bool> test)
    {
        for (var i = from; i < last; i++)
        {
            if (test(i))
            {
                return i;
            }
        }

        return last;
    }

    private static void Add(List<CurveRegion> regions, RegionKind kind, int start, int end, IReadOnlyList<double> lrs)
    {
        if (end > start)
        {
            regions.Add(Region(kind, start, end, lrs));
        }
    }

    private static CurveRegion Region(RegionKind kind, int start, int end, IReadOnlyList<double> lrs) => new(kind, start, end, lrs[start], lrs[end - 1]);
}
