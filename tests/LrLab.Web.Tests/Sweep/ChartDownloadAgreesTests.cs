using System.Globalization;
using System.Xml.Linq;
using LrLab.Core.Plotting;
using LrLab.Web.Components.Charts;
using LrLab.Web.Designer;
using LrLab.Web.Interop;
using LrLab.Web.Sweep;

namespace LrLab.Web.Tests.Sweep;

/// <summary>
/// A chart on screen and the SVG downloaded from it show the same series, in the same colours, on the same axes; and the
/// canvas back end and <see cref="SvgWriter"/> print the same ticks for the same chart.
/// </summary>
public sealed class ChartDownloadAgreesTests
{
    private static readonly XNamespace _svg = "http://www.w3.org/2000/svg";

    [Theory]
    [InlineData(SweepMetric.FinalLoss)]
    [InlineData(SweepMetric.StepsToConverge)]
    public void The_sweep_comparison_of_five_optimizers(SweepMetric metric)
    {
        // Five series: the fourth and fifth were orange and purple on screen but purple and orange in the SVG.
        var model = new SweepPanelModel { Compare = true, Count = 12 };
        model.Run(new SweepSetup("ravine", "sgd", new LrLab.Core.Optimizers.OptimizerOptions(), 100, 0.03));
        var screen = model.Chart(metric);
        var svg = XDocument.Parse(model.Svg(metric));

        var series = Groups(svg, "series").ToList();
        Assert.Equal(5, screen.Series.Count);
        Assert.Equal(screen.Series.Select(s => s.Name), series.Select(g => (string)g.Attribute("data-name")!));
        Assert.Equal(screen.Series.Select((_, i) => screen.ColorOf(i)), series.Select(g => (string)g.Element(_svg + "path")!.Attribute("stroke")!));
        Assert.Equal(screen.Series.Select(s => s.Y.ToArray().Count(v => double.IsFinite(v) && v > 0)), series.Select(g => int.Parse((string)g.Element(_svg + "path")!.Attribute("data-points")!, CultureInfo.InvariantCulture)));
        Assert.Equal(screen.X.Log, Scale(svg, "axis x") == "log");
        Assert.Equal(screen.Y.Log, Scale(svg, "axis y") == "log");

        // The theory lines and the current rate: the same places and colours on screen as in the file.
        var markers = svg.Descendants(_svg + "line").Where(l => (string?)l.Attribute("class") == "marker").ToList();
        Assert.Equal(screen.Markers.Select(m => m.Color), markers.Select(l => (string)l.Attribute("stroke")!));
        Assert.Equal("current rate", screen.Markers[0].Label);
    }

    [Fact]
    public void The_schedule_designer()
    {
        var designer = new ScheduleDesigner();
        var screen = designer.Chart();
        var svg = XDocument.Parse(designer.Svg());
        var path = Groups(svg, "series").Single().Element(_svg + "path")!;
        Assert.Equal(screen.ColorOf(0), (string)path.Attribute("stroke")!);
        Assert.Equal(Palette.Of(0), (string)path.Attribute("stroke")!);
        Assert.Equal(designer.Rates.Length, int.Parse((string)path.Attribute("data-points")!, CultureInfo.InvariantCulture));
        Assert.Equal(designer.LogAxis, Scale(svg, "axis y") == "log");
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Canvas_and_svg_print_the_same_ticks_for_the_same_chart(bool logX, bool logY)
    {
        double[] x = [0.002, 0.01, 0.05, 0.2, 0.9, 3];
        double[] y = [35, 4.2, 0.9, 0.07, 0.004, 0.0002];
        var chart = new Chart("ticks", new Axis("rate", logX), new Axis("loss", logY), [new ChartSeries("run", x, y)])
        {
            Bands = [new ChartBand(0.01, 0.2, "just right", Palette.JustRight)],
            Markers = [new ChartMarker(0.9, "2/λmax", Palette.TooLarge)],
        };
        var svg = XDocument.Parse(SvgWriter.Write(chart));
        var plot = svg.Descendants(_svg + "clipPath").Single().Element(_svg + "rect")!;
        var (width, height) = (D(plot, "width"), D(plot, "height"));

        // Size the canvas so its plot area is the SVG's: the number of ticks depends on the room an axis has.
        var first = ChartRenderer.Layout(chart, 800, 400);
        var (canvasWidth, canvasHeight) = (800 + width - first.Width, 400 + height - first.Height);
        var canvas = new CanvasCommands();
        var layout = ChartRenderer.Render(chart, canvasWidth, canvasHeight, canvas);
        Assert.Equal(width, layout.Width, 0.01);
        Assert.Equal(height, layout.Height, 0.01);

        var xTicks = TickLabels(svg, "axis x");
        var yTicks = TickLabels(svg, "axis y");
        Assert.True(xTicks.Count >= 2 && yTicks.Count >= 2, "both axes are ticked");
        Assert.Equal(layout.X.Ticks().Select(t => (t.Value, t.Label)), xTicks);
        Assert.Equal(layout.Y.Ticks().Select(t => (t.Value, t.Label)), yTicks);

        // What the canvas prints first is the x tick labels, then the y ones, and the same words.
        var printed = canvas.Texts().ToList();
        Assert.Equal([.. xTicks.Select(t => t.Label), .. yTicks.Select(t => t.Label)], printed.Take(xTicks.Count + yTicks.Count));
        Assert.Contains(chart.X.Title, printed);
        Assert.Contains(chart.Y.Title, printed);
        Assert.Equal(
            [chart.X.Title, chart.Y.Title],
            svg.Descendants(_svg + "text").Where(t => (string?)t.Attribute("class") == "axis-label").Select(t => t.Value));

        // The same ticks stand at the same fraction of the axis in both pictures.
        var svgLeft = D(plot, "x");
        var svgX = Groups(svg, "axis x").Single().Elements(_svg + "text").Where(t => (string?)t.Attribute("class") == "tick-label").Select(t => (D(t, "x") - svgLeft) / width);
        Assert.Equal(layout.X.Ticks().Select(t => (layout.X.Map(t.Value) - layout.Left) / layout.Width), svgX, (a, b) => Math.Abs(a - b) < 1e-3);
    }

    private static List<(double Value, string Label)> TickLabels(XDocument svg, string axis) =>
        [.. Groups(svg, axis).Single().Elements(_svg + "text")
            .Where(t => (string?)t.Attribute("class") == "tick-label")
            .Select(t => (D(t, "data-value"), t.Value))];

    private static IEnumerable<XElement> Groups(XDocument svg, string cssClass) =>
        svg.Descendants(_svg + "g").Where(g => (string?)g.Attribute("class") == cssClass);

    private static double D(XElement e, string attribute) => double.Parse((string)e.Attribute(attribute)!, CultureInfo.InvariantCulture);

    private static string? Scale(XDocument svg, string axis) =>
        (string?)Groups(svg, axis).Single().Attribute("data-scale");
}
