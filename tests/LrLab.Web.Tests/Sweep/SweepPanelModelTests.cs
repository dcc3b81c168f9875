using LrLab.Core.Optimizers;
using LrLab.Core.Plotting;
using LrLab.Web.Sweep;

namespace LrLab.Web.Tests.Sweep;

public sealed class SweepPanelModelTests
{
    private static SweepSetup Setup(string surface = "bowl", string optimizer = "sgd", double? momentum = null, int steps = 200) =>
        new(surface, optimizer, new OptimizerOptions { Momentum = momentum }, steps, 0.05);

    [Theory]
    [InlineData("bowl", "sgd", null, 0.5, 0.53)]
    [InlineData("bowl", "momentum", 0.9, 0.95, 1.0)]
    [InlineData("ravine", "sgd", null, 0.03, 0.05)]
    public void Reproduces_the_theory_limits(string surface, string optimizer, double? momentum, double low, double high)
    {
        var model = new SweepPanelModel();
        model.Run(Setup(surface, optimizer, momentum));
        Assert.Null(model.Error);
        Assert.InRange(model.Result!.Sweeps[0].DivergenceLimit!.Value, low, high);
        Assert.Contains("diverges from", model.Findings()[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_has_bands_theory_lines_and_the_current_rate()
    {
        var model = new SweepPanelModel();
        model.Run(Setup(optimizer: "momentum", momentum: 0.9));
        var chart = model.Chart(SweepMetric.FinalLoss);
        Assert.Equal(["too small", "just right", "too large"], chart.Bands.Select(r => r.Label));
        Assert.Equal(["current rate", "2/λmax", "(2+2β)/λmax", "1/λmax", "2/(λmin+λmax)"], chart.Markers.Select(m => m.Label));
        Assert.Equal(0.95, chart.Markers[2].X, 12);
        Assert.True(chart.X.Log);
        Assert.True(chart.Y.Log);
        Assert.Equal(SweepPanelModel.DefaultCount, chart.Series[0].Count);
    }

    [Fact]
    public void Comparison_mode_sweeps_five_optimizers_and_keeps_the_labs_hyperparameters_for_its_own()
    {
        var model = new SweepPanelModel { Compare = true, Count = 40 };
        model.Run(Setup(optimizer: "momentum", momentum: 0.5));
        Assert.Equal(SweepPanelModel.ComparisonSet, model.Result!.Sweeps.Select(s => s.Optimizer));
        Assert.Equal(0.5, model.Result.Sweeps[1].Theory.Momentum);
        Assert.Equal(5, model.Chart(SweepMetric.StepsToConverge).Series.Count);
        Assert.Equal(5, model.Findings().Count);
        Assert.Contains(model.Findings(), f => f.StartsWith("adam: never diverges", StringComparison.Ordinal));
    }

    [Fact]
    public void Bad_range_and_bad_schedule_are_reported()
    {
        var model = new SweepPanelModel();
        Assert.False(model.SetRange("1", "0.1"));
        Assert.Contains("rates", model.Error, StringComparison.Ordinal);
        model.Run(Setup() with { Schedule = "StepLR(step_size=0)" });
        Assert.Null(model.Result);
        Assert.Contains("step_size", model.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_and_svg_exports()
    {
        var model = new SweepPanelModel { Count = 10 };
        model.Run(Setup());
        var lines = model.Csv().TrimEnd('\n').Split('\n');
        Assert.Equal("optimizer,lr,finalLoss,stepsToConverge,verdict,pattern", lines[0]);
        Assert.Equal(11, lines.Length);
        Assert.StartsWith("sgd,0.0001,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",too-large,diverging", lines[^1], StringComparison.Ordinal);
        Assert.Equal("svg", System.Xml.Linq.XDocument.Parse(model.Svg(SweepMetric.FinalLoss)).Root!.Name.LocalName);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(200)]
    public void Coarse_to_fine_visits_every_index_once_ends_first(int count)
    {
        var order = SweepPanelModel.CoarseToFine(count);
        Assert.Equal(Enumerable.Range(0, count), order.Order());
        Assert.Equal(0, order[0]);
        Assert.Equal(count - 1, order[Math.Min(1, count - 1)]);
        if (count == 200)
        {
            // The first 10 cover the range: no gap wider than a quarter of it.
            var first = order.Take(10).Order().ToArray();
            Assert.All(first.Zip(first.Skip(1), (a, b) => b - a), gap => Assert.True(gap <= 50));
        }
    }
}
