using LrLab.Core.Plotting;
using LrLab.Web.Components.Charts;
using LrLab.Web.Interop;

namespace LrLab.Web.Tests.Charts;

public sealed class ChartRendererTests
{
    private static Chart Loss(params double[] y) =>
        new(string.Empty, new Axis("step"), new Axis("loss", Log: true), [new ChartSeries("lr 0.1", y) { Color = Palette.Of(0) }]);

    [Fact]
    public void Nan_and_infinite_points_break_the_line()
    {
        var canvas = new CanvasCommands();
        ChartRenderer.Render(Loss(1, 0.5, double.NaN, 0.2, 0.1, double.PositiveInfinity, 0.05), 600, 300, canvas);

        // Three segments: [1, 0.5], [0.2, 0.1], [0.05]; each starts with a MoveTo.
        Assert.Equal(3, CountInPlot(canvas, CanvasOp.MoveTo));
    }

    [Fact]
    public void Axis_titles_say_log_and_ticks_are_labelled()
    {
        var canvas = new CanvasCommands();
        ChartRenderer.Render(Loss(100, 10, 1, 0.1), 600, 300, canvas);
        var texts = canvas.Texts().ToList();
        Assert.Contains("loss (log)", texts);
        Assert.Contains("step", texts);
        Assert.Contains("1", texts);
        Assert.Contains("0.1", texts);
        Assert.Contains("100", texts);
    }

    [Fact]
    public void Ranges_markers_and_points_are_drawn_with_labels()
    {
        var model = Loss(1, 0.5, 0.2) with
        {
            Bands = [new ChartBand(0, 1, "flat", Palette.Of(2))],
            Markers = [new ChartMarker(1.5, "2/λmax", Palette.Of(1))],
            Points = [new ChartPoint(2, 0.2, Palette.Of(3))],
        };
        var canvas = new CanvasCommands();
        ChartRenderer.Render(model, 600, 300, canvas);
        var texts = canvas.Texts().ToList();
        Assert.Contains("flat", texts);
        Assert.Contains("2/λmax", texts);
        Assert.Equal(1, canvas.CountOf(CanvasOp.Circle));
        Assert.Equal(1, canvas.CountOf(CanvasOp.FillRect) - 1);
    }

    [Theory]
    [InlineData(0, 0, 10.0)]
    [InlineData(1, 3, 1.0)]
    [InlineData(0, 3, 0.001)]
    public void Nearest_finds_the_point_under_the_pointer(int series, int index, double y)
    {
        var model = new Chart(
            string.Empty, new Axis("step"), new Axis("loss", Log: true), [new ChartSeries("a", new double[] { 10, 1, 0.1, 0.001 }) { Color = "#000" }, new ChartSeries("b", new double[] { 5, 0.5, 0.1, 1 }) { Color = "#111" }]);
        var layout = ChartRenderer.Layout(model, 600, 300);
        var hit = ChartRenderer.Nearest(model, layout, layout.X.Map(index), layout.Y.Map(y) + 2);
        Assert.NotNull(hit);
        Assert.Equal((series, index), (hit.Value.Series, hit.Value.Index));
    }

    [Fact]
    public void Nearest_is_null_outside_the_plot()
    {
        var model = Loss(1, 2);
        var layout = ChartRenderer.Layout(model, 600, 300);
        Assert.Null(ChartRenderer.Nearest(model, layout, 1, 1));
    }

    [Fact]
    public void Many_points_in_one_pixel_are_thinned()
    {
        var y = Enumerable.Range(0, 20_000).Select(i => 1.0 / (i + 1)).ToArray();
        var canvas = new CanvasCommands();
        ChartRenderer.Render(Loss(y), 600, 300, canvas);
        Assert.InRange(CountInPlot(canvas, CanvasOp.LineTo), 100, 2 * 600);
    }

    /// <summary>Commands of one kind inside the plot's clip (the data), not the grid drawn before it.</summary>
    private static int CountInPlot(CanvasCommands canvas, CanvasOp kind)
    {
        var ops = canvas.Ops;
        int i = 0, n = 0;
        var inPlot = false;
        while (i < ops.Length)
        {
            var op = (CanvasOp)ops[i];
            inPlot = op == CanvasOp.Clip || (inPlot && op != CanvasOp.Restore);
            n += inPlot && op == kind ? 1 : 0;
            i += CanvasCommands.Length(op);
        }

        return n;
    }
}
