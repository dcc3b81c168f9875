using LrLab.Core.Plotting;

namespace LrLab.Core.Tests.Plotting;

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
    [InlineData(62, LabelAnchor.Start)]
    [InlineData(210, LabelAnchor.Middle)]
    [InlineData(358, LabelAnchor.End)]
    public void Labels_near_an_edge_grow_inwards(double x, LabelAnchor align)
    {
        var placed = Assert.Single(MarkerLabels.Place([(x, "2/(λmin+λmax)")], Left, Right));
        Assert.Equal(align, placed.Anchor);
        var (from, to) = Span(placed, "2/(λmin+λmax)");
        Assert.InRange(from, Left, Right);
        Assert.InRange(to, Left, Right);
    }

    private static (double From, double To) Span(MarkerLabel p, string label)
    {
        var w = MarkerLabels.Width(label);
        return p.Anchor switch
        {
            LabelAnchor.Start => (p.X, p.X + w),
            LabelAnchor.End => (p.X - w, p.X),
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
