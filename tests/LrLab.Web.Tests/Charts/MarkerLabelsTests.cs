using LrLab.Core.Plotting;
using LrLab.Web.Interop;

namespace LrLab.Web.Tests.Charts;

public sealed class MarkerLabelsTests
{
    // A plot from x = 60 to x = 360 (about what a 390-px phone leaves after the axis padding).
    private const double Left = 60;
    private const double Right = 360;

    public static TheoryData<double[], string[], string> Cases => new()
    {
        // x positions, labels, expected "row" per marker ('-' = label left out)
        { [100, 200, 300], ["a", "b", "c"], "000" },
        { [200, 210], ["1/λmax", "2/λmax"], "01" },
        { [200, 210, 220], ["1/λmax", "2/(λmin+λmax)", "2/λmax"], "012" },
        { [200, 210, 220, 230], ["1/λmax", "2/(λmin+λmax)", "2/λmax", "current rate"], "012-" },
        { [150, 170, 300], ["1/λmax", "2/λmax", "(2+2β)/λmax"], "010" },
        { [200, 500, 210], ["current rate", "off the plot", "1/λmax"], "0-1" },
        { [200, 210, 215, 212, 290], ["first", "second", "third", "fourth", "far"], "012-0" },
        { [200, 210], ["", "2/λmax"], "-0" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Labels_take_the_first_free_row_or_are_left_out(double[] xs, string[] labels, string rows)
    {
        var placed = MarkerLabels.Place([.. xs.Zip(labels)], Left, Right);

        var got = string.Concat(Enumerable.Range(0, xs.Length).Select(i => placed.FirstOrDefault(p => p.Index == i) is { } p ? (char)('0' + p.Row) : '-'));
        Assert.Equal(rows, got);
        AssertNoOverlap(placed, labels);
    }

    [Theory]
    [InlineData(62, TextAlign.Left)]
    [InlineData(210, TextAlign.Center)]
    [InlineData(358, TextAlign.Right)]
    public void Labels_near_an_edge_grow_inwards(double x, TextAlign align)
    {
        var placed = Assert.Single(MarkerLabels.Place([(x, "2/(λmin+λmax)")], Left, Right));
        Assert.Equal(align, placed.Align);
        var (from, to) = Span(placed, "2/(λmin+λmax)");
        Assert.InRange(from, Left, Right);
        Assert.InRange(to, Left, Right);
    }

    [Fact]
    public void A_narrow_chart_keeps_every_marker_line_but_not_every_label()
    {
        var model = new Chart(string.Empty, new Axis("lr", Log: true) { Min = 0.01, Max = 10 }, new Axis("loss", Log: true), [new ChartSeries("loss", new double[] { 1, 0.5, 0.1 }) { Color = Palette.Of(0) }])
        {
            Markers =
            [
                new ChartMarker(0.05, "current rate", "#000000") { Dashed = false },
                new ChartMarker(0.5, "1/λmax", "#555555"),
                new ChartMarker(0.555, "2/(λmin+λmax)", "#555555"),
                new ChartMarker(0.6, "(2+2β)/λmax", "#CC79A7"),
                new ChartMarker(1.0, "2/λmax", "#D55E00"),
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
            Ranges =
            [
                new ChartBand(1e-4, 0.02, "too small", Palette.Of(1)),
                new ChartBand(0.02, 0.04, "just right", Palette.Of(2)),
                new ChartBand(0.04, 3, "too large", Palette.Of(3)),
            ],
            Markers = [new ChartMarker(0.02, "1/λmax", "#555555"), new ChartMarker(0.04, "2/λmax", "#D55E00"), new ChartMarker(0.0267, "2/(λmin+λmax)", "#555555")],
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

    private static (double From, double To) Span(MarkerLabel p, string label)
    {
        var w = MarkerLabels.Width(label);
        return p.Align switch
        {
            TextAlign.Left => (p.X, p.X + w),
            TextAlign.Right => (p.X - w, p.X),
            _ => (p.X - (w / 2), p.X + (w / 2)),
        };
    }

    private static void AssertNoOverlap(IReadOnlyList<MarkerLabel> placed, string[] labels)
    {
        foreach (var a in placed)
        {
            foreach (var b in placed.Where(b => b.Index > a.Index && b.Row == a.Row))
            {
                var (a0, a1) = Span(a, labels[a.Index]);
                var (b0, b1) = Span(b, labels[b.Index]);
                Assert.True(a1 <= b0 || b1 <= a0, $"labels {a.Index} and {b.Index} overlap in row {a.Row}");
            }
        }
    }
}
