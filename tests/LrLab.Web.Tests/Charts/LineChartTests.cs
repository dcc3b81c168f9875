using Bunit;
using LrLab.Core.Plotting;
using LrLab.Web.Components.Charts;
using LrLab.Web.Interop;
using LrLab.Web.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace LrLab.Web.Tests.Charts;

public sealed class LineChartTests : BunitContext
{
    private readonly RecordingCanvas _canvas = new();

    public LineChartTests() => Services.AddSingleton<ICanvasInterop>(_canvas);

    private static Chart TwoRuns() => new(
        string.Empty, new Axis("step"), new Axis("loss", Log: true), [new ChartSeries("lr 0.05", new double[] { 34, 20, 10, 5 }) { Color = Palette.Of(0) }, new ChartSeries("lr 0.6", new double[] { 34, 60, 200, double.PositiveInfinity }) { Color = Palette.Of(1) }]);

    [Fact]
    public void Renders_a_canvas_with_the_test_id_and_draws_it()
    {
        var chart = Render<LineChart>(p => p.Add(c => c.Model, TwoRuns()).Add(c => c.TestId, "loss-chart").Add(c => c.Label, "loss against step"));
        var canvas = chart.Find("canvas[data-testid=loss-chart]");
        Assert.Equal("loss against step", canvas.GetAttribute("aria-label"));
        Assert.True(_canvas.Draws[chart.Instance.CanvasId] >= 1);
    }

    [Fact]
    public void Legend_lists_each_series()
    {
        var chart = Render<LineChart>(p => p.Add(c => c.Model, TwoRuns()));
        Assert.Equal(["lr 0.05", "lr 0.6"], chart.FindAll(".chart-legend li").Select(li => li.TextContent));
    }

    [Fact]
    public void Hover_reads_out_the_nearest_point()
    {
        var chart = Render<LineChart>(p => p.Add(c => c.Model, TwoRuns()));
        var layout = ChartRenderer.Layout(TwoRuns(), _canvas.Width, 280);
        chart.Find("canvas").MouseMove(new Microsoft.AspNetCore.Components.Web.MouseEventArgs { OffsetX = layout.X.Map(2), OffsetY = layout.Y.Map(200) });
        var readout = chart.Find(".chart-readout").TextContent;
        Assert.Contains("lr 0.6", readout, StringComparison.Ordinal);
        Assert.Contains("step 2", readout, StringComparison.Ordinal);
        Assert.Contains("loss 200", readout, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_render_redraws()
    {
        var chart = Render<LineChart>(p => p.Add(c => c.Model, TwoRuns()));
        var before = _canvas.Draws[chart.Instance.CanvasId];
        chart.Render(p => p.Add(c => c.Model, TwoRuns()));
        Assert.Equal(before + 1, _canvas.Draws[chart.Instance.CanvasId]);
    }
}
