using LrLab.Core.Plotting;
using LrLab.Web.Components.Charts;
using LrLab.Web.Interop;

namespace LrLab.Web.Tests.Charts;

public sealed class EndLabelsTests
{
    private static Chart Race(params (string Label, double[] Y)[] runs) => new(
        string.Empty, new Axis("step") { Min = 0, Max = 10 }, new Axis("loss", Log: true), runs.Select((r, i) => new ChartSeries("α = " + r.Label, r.Y) { Color = Palette.Of(i), EndLabel = r.Label }).ToList());

    [Fact]
    public void Each_labelled_line_gets_its_name_written_on_the_chart()
    {
        var canvas = new CanvasCommands();
        ChartRenderer.Render(Race(("0.05", [1, 0.5, 0.25]), ("0.3", [1, 0.9, 0.8]), ("0.6", [1, 10, 100])), 600, 300, canvas);
        var texts = canvas.Texts().ToList();
        Assert.Contains("0.05", texts);
        Assert.Contains("0.3", texts);
        Assert.Contains("0.6", texts);
    }

    [Fact]
    public void Unlabelled_lines_get_no_label()
    {
        var canvas = new CanvasCommands();
        var model = new Chart(string.Empty, new Axis("step"), new Axis("loss"), [new ChartSeries("loss", new double[] { 1, 0.5 }) { Color = Palette.Of(0) }]);
        ChartRenderer.Render(model, 600, 300, canvas);
        Assert.Single(canvas.Texts(), t => t == "loss"); // the axis title only
        Assert.Empty(EndLabels.Place(model, new Scale(0, 1, 0, 600, false), new Scale(0, 1, 300, 0, false), 0, 0, 600, 300));
    }

    [Theory]
    [InlineData(0.5, 0.5, 0.5)]
    [InlineData(1e-3, 1.01e-3, 0.99e-3)]
    public void Lines_ending_at_the_same_loss_get_labels_that_do_not_overlap(double a, double b, double c)
    {
        var model = Race(("0.01", [1, a]), ("0.02", [1, b]), ("0.03", [1, c]));
        var layout = ChartRenderer.Layout(model, 600, 300);
        var placed = EndLabels.Place(model, layout.X, layout.Y, layout.Left, layout.Top, layout.Width, layout.Height);

        Assert.Equal(3, placed.Count);
        var ys = placed.Select(p => p.Y).Order().ToList();
        Assert.True(ys[1] - ys[0] >= 15 && ys[2] - ys[1] >= 15, string.Join(", ", ys));
        Assert.All(placed, p => Assert.InRange(p.Y, layout.Top, layout.Top + layout.Height));
    }

    [Theory]
    [InlineData(1e3, true)]
    [InlineData(1e-3, false)]
    public void A_line_that_leaves_the_plot_is_labelled_where_it_leaves(double last, bool upwards)
    {
        var model = Race(("0.6", [1, last, last, last]), ("0.05", [1, 0.9, 0.8, 0.7])) with
        {
            X = new Axis("step") { Min = 0, Max = 3 },
            Y = new Axis("loss", Log: true) { Min = 0.1, Max = 10 },
        };
        var layout = ChartRenderer.Layout(model, 600, 300);
        var left = EndLabels.Place(model, layout.X, layout.Y, layout.Left, layout.Top, layout.Width, layout.Height)
            .Single(p => p.Series.EndLabel == "0.6");

        // The line crosses the edge between step 0 and step 1, not at step 3.
        Assert.InRange(left.X, layout.X.Map(0), layout.X.Map(1) + 4);
        var edge = upwards ? layout.Top : layout.Top + layout.Height;
        Assert.InRange(left.Y, edge - 15, edge + 15);
    }
}
