using LrLab.Core.Plotting;
using LrLab.Web.Components.Charts;
using LrLab.Web.Interop;

namespace LrLab.Web.Tests.Charts;

/// <summary>The canvas chart leaves out the labels Core's <see cref="MarkerLabels"/> cannot place, never their lines or bands.</summary>
public sealed class ChartLabelTests
{
    [Fact]
    public void A_narrow_chart_keeps_every_marker_line_but_not_every_label()
    {
        var model = new Chart(string.Empty, new Axis("lr", Log: true) { Min = 0.01, Max = 10 }, new Axis("loss", Log: true), [new ChartSeries("loss", new double[] { 1, 0.5, 0.1 }) { Color = Palette.Of(0) }])
        {
            Markers =
            [
                new ChartMarker(0.05, "current rate", Palette.Black) { Dashed = false },
                new ChartMarker(0.5, "1/λmax", Palette.Reference),
                new ChartMarker(0.555, "2/(λmin+λmax)", Palette.Reference),
                new ChartMarker(0.6, "(2+2β)/λmax", Palette.ReddishPurple),
                new ChartMarker(1.0, "2/λmax", Palette.Vermillion),
            ],
        };

        var narrow = new CanvasCommands();
        ChartRenderer.Render(model, 390, 260, narrow);
        var wide = new CanvasCommands();
        ChartRenderer.Render(model, 1200, 260, wide);

        var labels = model.Markers.Select(m => m.Label).ToHashSet();
        Assert.Equal(4, narrow.Texts().Count(labels.Contains));
        Assert.DoesNotContain("2/λmax", narrow.Texts());
        Assert.Equal(5, wide.Texts().Count(labels.Contains));
        Assert.Equal(wide.CountOf(CanvasOp.Dash), narrow.CountOf(CanvasOp.Dash)); // every line is still drawn (two dash calls each)
    }

    [Fact]
    public void Range_labels_give_way_to_marker_labels_on_a_phone()
    {
        var model = new Chart(string.Empty, new Axis("lr", Log: true) { Min = 1e-4, Max = 3 }, new Axis("loss", Log: true), [new ChartSeries("loss", new double[] { 1, 0.5, 0.1 }) { Color = Palette.Of(0) }])
        {
            Bands =
            [
                new ChartBand(1e-4, 0.02, "too small", Palette.Of(1)),
                new ChartBand(0.02, 0.04, "just right", Palette.Of(2)),
                new ChartBand(0.04, 3, "too large", Palette.Of(3)),
            ],
            Markers = [new ChartMarker(0.02, "1/λmax", Palette.Reference), new ChartMarker(0.04, "2/λmax", Palette.Vermillion), new ChartMarker(0.0267, "2/(λmin+λmax)", Palette.Reference)],
        };

        var narrow = new CanvasCommands();
        ChartRenderer.Render(model, 390, 260, narrow);
        var wide = new CanvasCommands();
        ChartRenderer.Render(model, 1200, 260, wide);

        Assert.Contains("1/λmax", narrow.Texts());
        Assert.Contains("2/λmax", narrow.Texts());
        Assert.Contains("2/(λmin+λmax)", narrow.Texts());
        Assert.Contains("too small", narrow.Texts());
        Assert.DoesNotContain("just right", narrow.Texts());
        Assert.Contains("just right", wide.Texts());
        Assert.Equal(wide.CountOf(CanvasOp.FillRect), narrow.CountOf(CanvasOp.FillRect)); // every band is still shaded
    }
}
