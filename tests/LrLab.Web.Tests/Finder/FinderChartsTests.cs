using LrLab.Core.Finder;
using LrLab.Core.Optimizers;
using LrLab.Core.Surfaces;
using LrLab.Web.Finder;

namespace LrLab.Web.Tests.Finder;

public sealed class FinderChartsTests
{
    private static readonly RangeTestOptions _options = new();

    private static FinderResult BowlResult() =>
        RangeTest.Run(new SurfaceRangeTestTarget(new BowlSurface(), OptimizerFactory.Create("sgd", new OptimizerOptions())), _options with { Beta = 0 });

    [Fact]
    public void The_finished_chart_shades_every_region_and_marks_the_suggestion()
    {
        var r = BowlResult();
        var chart = FinderCharts.RangeTest(r.Lrs, r.Losses, r.SmoothedLosses, r, _options);

        Assert.True(chart.X.Log);
        Assert.Equal(r.Regions.Count, chart.Bands.Count);
        Assert.Equal(r.Regions.Select(g => g.FromLr), chart.Bands.Select(g => g.From));
        Assert.Contains(chart.Markers, m => m.X == r.SuggestedLr && !m.Dashed && m.Label.StartsWith("suggested", StringComparison.Ordinal));
        Assert.Contains(chart.Markers, m => m.X == r.BelowClimbLr && m.Dashed);
        Assert.Equal("flat", chart.Bands[0].Label); // the flat stretch spans most of the axis
        Assert.Equal(34 * 1.6, chart.Y.Max!.Value, 9);
    }

    [Fact]
    public void A_live_chart_has_the_curves_but_no_verdicts_yet()
    {
        var chart = FinderCharts.RangeTest([1e-7, 1e-6], [2.3, 2.2], [2.3, 2.25], null, _options);
        Assert.Equal(2, chart.Series.Count);
        Assert.Empty(chart.Bands);
        Assert.Empty(chart.Markers);
        Assert.Equal(1e-7, chart.X.Min);
        Assert.Equal(10, chart.X.Max);
    }

    [Fact]
    public void Narrow_regions_lose_their_label_but_keep_their_colour()
    {
        var r = BowlResult();
        var chart = FinderCharts.RangeTest(r.Lrs, r.Losses, r.SmoothedLosses, r, _options);
        var best = r.Regions.Select((g, i) => (g, i)).Single(p => p.g.Kind == RegionKind.Best).i;
        Assert.Equal(string.Empty, chart.Bands[best].Label);
        Assert.Equal(FinderCharts.RegionColor(RegionKind.Best), chart.Bands[best].Color);
    }

    [Fact]
    public void Training_chart_has_one_series_per_run()
    {
        var a = new TrainingCurve("÷ 100: too small", 0.001, "#56B4E9");
        var b = new TrainingCurve("the rate", 0.1, "#009E73");
        a.Add(2.3);
        b.Add(2.3);
        b.Add(1.0);
        var chart = FinderCharts.Training([a, b]);
        Assert.Equal(["÷ 100: too small (lr 0.001)", "the rate (lr 0.1)"], chart.Series.Select(s => s.Name));
        Assert.Equal(2.3 * 1.3, chart.Y.Max!.Value, 12);
        Assert.Equal(["#56B4E9", "#009E73"], chart.Series.Select(s => s.Color));
        Assert.Equal("lr 1e-05", FinderCharts.Training([new TrainingCurve("grid", 1e-5, "#0072B2")]).Series[0].Name);
    }
}
