using System.Globalization;
using LrLab.Core.Finder;
using LrLab.Core.Plotting;

namespace LrLab.Web.Finder;

/// <summary>Turns range tests and training runs into <see cref="Chart"/>s for the finder page.</summary>
public static class FinderCharts
{
    /// <summary>Shading of each region, from the Okabe–Ito palette (the chart draws it at low opacity).</summary>
    public static string RegionColor(RegionKind kind) => kind switch
    {
        RegionKind.Flat => Palette.Yellow,
        RegionKind.Descending => Palette.SkyBlue,
        RegionKind.Best => Palette.BluishGreen,
        _ => Palette.Vermillion,
    };

    /// <summary>The region's name as the chart labels it.</summary>
    public static string RegionName(RegionKind kind) => kind switch
    {
        RegionKind.Flat => "flat",
        RegionKind.Descending => "descending",
        RegionKind.Best => "best",
        _ => "climbing",
    };

    /// <summary>Loss against rate (log axis): raw and smoothed, with the regions and the suggestion once the test is over.</summary>
    public static Chart RangeTest(IReadOnlyList<double> lrs, IReadOnlyList<double> losses, IReadOnlyList<double> smoothed, FinderResult? result, RangeTestOptions options)
    {
        var x = lrs.ToArray();
        var series = new List<ChartSeries>
        {
            new("loss of each mini-batch", losses.ToArray()) { Color = Palette.Of(5), X = x, Width = 1 },
            new("smoothed loss", smoothed.ToArray()) { Color = Palette.Of(0), X = x, Width = 2.5 },
        };

        // Keep the start of the curve readable: the blow-up at the end may be 100× the start.
        var first = smoothed.Count > 0 && double.IsFinite(smoothed[0]) ? smoothed[0] : 1.0;
        var finite = losses.Concat(smoothed).Where(double.IsFinite).ToArray();
        var low = finite.Length > 0 ? Math.Min(0, finite.Min()) : 0;
        var y = new Axis("loss") { Min = low, Max = Math.Max(first * 1.6, low + 1e-9) };
        var axisX = new Axis("learning rate", Log: true) { Min = options.StartLr, Max = options.EndLr };
        var model = new Chart(string.Empty, axisX, y, series) { ShowLegend = true, FormatX = Rate };
        if (result is null)
        {
            return model;
        }

        // Narrow bands keep their shading but lose the label, which would overprint its neighbours;
        // the legend under the chart names every band.
        var span = Math.Log(options.EndLr / options.StartLr);
        var ranges = result.Regions.Select(r =>
        {
            var to = r.End < result.Lrs.Length ? result.Lrs[r.End] : r.ToLr;
            var wide = Math.Log(to / r.FromLr) >= 0.15 * span;
            return new ChartBand(r.FromLr, to, wide ? RegionName(r.Kind) : string.Empty, RegionColor(r.Kind));
        }).ToList();
        var markers = new List<ChartMarker>();
        if (result.SuggestedLr is { } s)
        {
            markers.Add(new ChartMarker(s, "suggested " + Rate(s), Palette.Black) { Dashed = false });
        }

        if (result.BelowClimbLr is { } below)
        {
            markers.Add(new ChartMarker(below, "climb ÷ 10: " + Rate(below), Palette.ReddishPurple));
        }

        return model with { Bands = ranges, Markers = markers };
    }

    /// <summary>Smoothed training loss against step for runs side by side.</summary>
    public static Chart Training(IReadOnlyList<TrainingCurve> curves)
    {
        var series = curves.Select(c => new ChartSeries(c.Label == "grid" ? "lr " + Rate(c.Lr) : c.Label + " (lr " + Rate(c.Lr) + ")", c.Smoothed.ToArray()) { Color = c.Color }).ToList();
        var start = curves.SelectMany(c => c.Smoothed.Take(1)).Where(double.IsFinite).DefaultIfEmpty(2.5).Max();
        return new Chart(string.Empty, new Axis("step"), new Axis("training loss (smoothed)") { Min = 0, Max = start * 1.3 }, series) { ShowLegend = true };
    }

    /// <summary>A rate in short form (3 significant digits).</summary>
    public static string Rate(double lr) => lr.ToString("G3", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
}
