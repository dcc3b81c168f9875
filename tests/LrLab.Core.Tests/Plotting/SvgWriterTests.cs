using System.Globalization;
using System.Xml.Linq;
using LrLab.Core.Optimizers;
using LrLab.Core.Plotting;
using LrLab.Core.Simulation;
using LrLab.Core.Surfaces;
using LrLab.Core.Sweep;

namespace LrLab.Core.Tests.Plotting;

public sealed class SvgWriterTests
{
    private static readonly XNamespace _svg = "http://www.w3.org/2000/svg";
    private static readonly double[] _extremes = [1e-300, 1e300];

    private static XElement Parse(Chart chart) => XDocument.Parse(SvgWriter.Write(chart)).Root!;

    private static IEnumerable<XElement> Groups(XElement root, string cssClass) =>
        root.Descendants(_svg + "g").Where(g => (string?)g.Attribute("class") == cssClass);

    private static double D(XElement e, string attribute) => double.Parse((string)e.Attribute(attribute)!, CultureInfo.InvariantCulture);

    /// <summary>The (x, y) pixel points of a series path.</summary>
    private static (double X, double Y)[] Points(XElement series)
    {
        var d = (string)series.Element(_svg + "path")!.Attribute("d")!;
        return [.. d.Split(['M', 'L'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split(','))
            .Select(p => (double.Parse(p[0], CultureInfo.InvariantCulture), double.Parse(p[1], CultureInfo.InvariantCulture)))];
    }

    [Fact]
    public void Writes_valid_svg_with_one_path_and_legend_entry_per_series()
    {
        var chart = new Chart("Two lines", new Axis("step"), new Axis("loss"), [
            new ChartSeries("a", new double[] { 0, 1, 2 }, new double[] { 3, 2, 1 }),
            new ChartSeries("b & <c>", new double[] { 0, 1, 2 }, new double[] { 1, 2, 3 }),
        ]);
        var root = Parse(chart);
        Assert.Equal(_svg + "svg", root.Name);
        Assert.Equal("720", (string?)root.Attribute("width"));
        Assert.Equal("Two lines", root.Element(_svg + "title")!.Value);
        Assert.Equal(["a", "b & <c>"], Groups(root, "series").Select(g => (string)g.Attribute("data-name")!));
        Assert.Equal(["a", "b & <c>"], Groups(root, "legend-item").Select(g => g.Value));
        var strokes = Groups(root, "series").Select(g => (string)g.Element(_svg + "path")!.Attribute("stroke")!).ToArray();
        Assert.Equal([Palette.Of(0), Palette.Of(1)], strokes);
    }

    [Fact]
    public void A_log_axis_puts_decades_equally_far_apart_and_labels_them()
    {
        var chart = new Chart("log", new Axis("rate", Log: true), new Axis("loss"), [new ChartSeries("s", new double[] { 0.001, 0.01, 0.1, 1 }, new double[] { 4, 3, 2, 1 })]);
        var root = Parse(chart);
        var x = Groups(root, "axis x").Single();
        Assert.Equal("log", (string?)x.Attribute("data-scale"));
        Assert.Equal("linear", (string?)Groups(root, "axis y").Single().Attribute("data-scale"));
        var labels = x.Elements(_svg + "text").Where(t => (string?)t.Attribute("class") == "tick-label").Select(t => t.Value).ToArray();
        Assert.Equal(["0.001", "0.01", "0.1", "1"], labels);
        var points = Points(Groups(root, "series").Single());
        Assert.Equal(4, points.Length);
        var gaps = points.Zip(points.Skip(1), (a, b) => b.X - a.X).ToArray();
        Assert.All(gaps, g => Assert.Equal(gaps[0], g, tolerance: 0.02));
        Assert.True(points[0].Y < points[^1].Y, "the first point (loss 4) is drawn higher, at a smaller y, than the last (loss 1)");
    }

    [Fact]
    public void Non_positive_and_non_finite_values_break_a_log_line()
    {
        var chart = new Chart("gaps", new Axis("step"), new Axis("loss", Log: true), [
            new ChartSeries("s", new double[] { 0, 1, 2, 3, 4, 5 }, new double[] { 1, 0.1, 0, 0.01, double.NaN, 0.001 }),
        ]);
        var path = (string)Groups(Parse(chart), "series").Single().Element(_svg + "path")!.Attribute("d")!;
        Assert.Equal(3, path.Count(c => c == 'M'));
        Assert.Single(path, c => c == 'L');
    }

    [Fact]
    public void Huge_log_ranges_get_at_most_eight_decade_ticks_and_finite_coordinates()
    {
        var chart = new Chart("wide", new Axis("x", Log: true), new Axis("y", Log: true), [new ChartSeries("s", _extremes, _extremes)]);
        var text = SvgWriter.Write(chart);
        Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", text, StringComparison.Ordinal);
        var ticks = Groups(XDocument.Parse(text).Root!, "axis x").Single().Elements(_svg + "text").Count(t => (string?)t.Attribute("class") == "tick-label");
        Assert.InRange(ticks, 2, 8);
    }

    [Fact]
    public void Sweep_chart_shades_regimes_and_draws_theory_lines()
    {
        var bowl = SurfaceCatalog.Resolve("bowl");
        var comparison = Sweeper.Compare(bowl, [OptimizerFactory.Create("momentum", new OptimizerOptions())], new SweepOptions { LrMin = 1e-4, LrMax = 3, Count = 40 });
        var root = Parse(Charts.Sweep(comparison));
        var bands = root.Descendants(_svg + "rect").Where(r => (string?)r.Attribute("class") == "band").ToArray();
        Assert.Equal(["too small", "just right", "too large"], bands.Select(b => (string)b.Attribute("data-label")!));
        Assert.Equal([Palette.TooSmall, Palette.JustRight, Palette.TooLarge], bands.Select(b => (string)b.Attribute("fill")!));
        var markers = root.Descendants(_svg + "line").Where(l => (string?)l.Attribute("class") == "marker").Select(l => D(l, "data-x")).ToArray();
        Assert.Equal([0.5, 0.95, 0.25, 0.33], markers);
        var labels = root.Descendants(_svg + "text").Where(t => (string?)t.Attribute("class") == "marker-label").Select(t => t.Value).ToArray();
        Assert.Contains("2/λmax", labels);
        Assert.Contains(comparison.Sweeps[0].Theory.MomentumFormula!, labels);
        Assert.Equal("40", (string?)Groups(root, "series").Single().Element(_svg + "path")!.Attribute("data-points"));
        Assert.Equal(40, Groups(root, "series").Single().Elements(_svg + "circle").Count());
    }

    [Fact]
    public void Trajectory_chart_uses_a_log_loss_axis_only_when_losses_are_positive()
    {
        var sgd = OptimizerFactory.Create("sgd", new OptimizerOptions { Lr = 0.05 });
        var bowl = Charts.Trajectories([Simulator.Run(SurfaceCatalog.Resolve("bowl"), sgd)]);
        var saddle = Charts.Trajectories([Simulator.Run(SurfaceCatalog.Resolve("saddle"), sgd)]);
        Assert.True(bowl.Y.Log);
        Assert.False(saddle.Y.Log); // its minima lie below zero
        Assert.Equal("sgd, lr 0.05", bowl.Series[0].Name);
        Assert.Equal(201, bowl.Series[0].X.Length);
    }

    [Theory]
    [InlineData(0, 1, new[] { 0.0, 0.2, 0.4, 0.6, 0.8, 1.0 })]
    [InlineData(-3, 7, new[] { -2.0, 0.0, 2.0, 4.0, 6.0 })]
    [InlineData(0, 100, new[] { 0.0, 20, 40, 60, 80, 100 })]
    public void Linear_ticks_are_nice_numbers(double min, double max, double[] expected)
    {
        var ticks = Ticks.Linear(min, max);
        Assert.Equal(expected.Length, ticks.Count);
        for (var i = 0; i < ticks.Count; i++)
        {
            Assert.Equal(expected[i], ticks[i].Value, 9);
        }
    }

    [Fact]
    public void Long_titles_are_cut_but_kept_whole_in_the_title_element()
    {
        var title = new string('x', 200);
        var root = Parse(new Chart(title, new Axis("a"), new Axis("b"), []));
        Assert.Equal(title, root.Element(_svg + "title")!.Value);
        var heading = root.Elements(_svg + "text").Single(t => (string?)t.Attribute("class") == "title").Value;
        Assert.EndsWith("…", heading, StringComparison.Ordinal);
        Assert.True(heading.Length < 100);
    }
}
