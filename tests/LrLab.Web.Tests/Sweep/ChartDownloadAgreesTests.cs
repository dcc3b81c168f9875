using System.Xml.Linq;
using LrLab.Core.Plotting;
using LrLab.Web.Designer;
using LrLab.Web.Sweep;

namespace LrLab.Web.Tests.Sweep;

/// <summary>A chart on screen and the SVG downloaded from it show the same series, in the same colours, on the same axes.</summary>
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

        var series = svg.Descendants(_svg + "g").Where(g => (string?)g.Attribute("class") == "series").ToList();
        Assert.Equal(5, screen.Series.Count);
        Assert.Equal(screen.Series.Select(s => s.Name), series.Select(g => (string)g.Attribute("data-name")!));
        Assert.Equal(screen.Series.Select(s => s.Color), series.Select(g => (string)g.Element(_svg + "path")!.Attribute("stroke")!));
        Assert.Equal(screen.Series.Select(s => s.Y.ToArray().Count(v => double.IsFinite(v) && v > 0)), series.Select(g => int.Parse((string)g.Element(_svg + "path")!.Attribute("data-points")!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(screen.X.Log, Scale(svg, "axis x") == "log");
        Assert.Equal(screen.Y.Log, Scale(svg, "axis y") == "log");
    }

    [Fact]
    public void The_schedule_designer()
    {
        var designer = new ScheduleDesigner();
        var svg = XDocument.Parse(designer.Svg());
        var path = svg.Descendants(_svg + "g").Single(g => (string?)g.Attribute("class") == "series").Element(_svg + "path")!;
        Assert.Equal(LrLab.Web.Components.Charts.Palette.Of(0), (string)path.Attribute("stroke")!);
        Assert.Equal(designer.Rates.Length, int.Parse((string)path.Attribute("data-points")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(designer.LogAxis, Scale(svg, "axis y") == "log");
    }

    private static string? Scale(XDocument svg, string axis) =>
        (string?)svg.Descendants(_svg + "g").Single(g => (string?)g.Attribute("class") == axis).Attribute("data-scale");
}
