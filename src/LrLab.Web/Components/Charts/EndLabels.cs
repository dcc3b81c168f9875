using LrLab.Web.Interop;

namespace LrLab.Web.Components.Charts;

/// <summary>
/// Names written at the end of each line that asks for one (<see cref="ChartSeries.EndLabel"/>), so
/// a reader who cannot tell the series' colours apart (about one man in twelve) still knows which
/// line is which. Labels are spread apart vertically so they never sit on each other.
/// </summary>
public static class EndLabels
{
    private const double RowHeight = 15;
    private const double CharWidth = 6.6;
    private const string Ink = "#1b2733";

    /// <summary>Where each labelled series ends, in canvas pixels, after spreading; pure for tests.</summary>
    public static IReadOnlyList<(ChartSeries Series, double X, double Y)> Place(ChartModel model, AxisScale xs, AxisScale ys, double left, double top, double width, double height)
    {
        var ends = new List<(ChartSeries Series, double X, double Y)>();
        foreach (var series in model.Series)
        {
            if (series.EndLabel is null)
            {
                continue;
            }

            var y = series.Y.Span;
            for (var i = y.Length - 1; i >= 0; i--)
            {
                var sx = xs.Map(series.XAt(i));
                var sy = ys.Map(y[i]);
                if (!double.IsNaN(sx) && !double.IsNaN(sy))
                {
                    var labelWidth = 8 + (CharWidth * series.EndLabel.Length);
                    var x = Math.Clamp(sx + 4, left + 2, Math.Max(left + 2, left + width - labelWidth - 2));
                    ends.Add((series, x, Math.Clamp(sy, top + (RowHeight / 2), top + height - (RowHeight / 2))));
                    break;
                }
            }
        }

        ends.Sort((a, b) => a.Y.CompareTo(b.Y));
        for (var i = 1; i < ends.Count; i++)
        {
            if (ends[i].Y - ends[i - 1].Y < RowHeight)
            {
                ends[i] = ends[i] with { Y = ends[i - 1].Y + RowHeight };
            }
        }

        // Pushed past the bottom: walk back up from the bottom edge, keeping the spacing.
        var bottom = top + height - (RowHeight / 2);
        for (var i = ends.Count - 1; i >= 0; i--)
        {
            var limit = i == ends.Count - 1 ? bottom : ends[i + 1].Y - RowHeight;
            if (ends[i].Y > limit)
            {
                ends[i] = ends[i] with { Y = Math.Max(top + (RowHeight / 2), limit) };
            }
        }

        return ends;
    }

    /// <summary>Draw the labels: a white box with a bar in the series' colour and the name in ink.</summary>
    public static void Draw(CanvasCommands canvas, ChartModel model, AxisScale xs, AxisScale ys, double left, double top, double width, double height)
    {
        foreach (var (series, x, y) in Place(model, xs, ys, left, top, width, height))
        {
            var labelWidth = 8 + (CharWidth * series.EndLabel!.Length);
            canvas.FillColor("#ffffff");
            canvas.FillRect(x, y - (RowHeight / 2) + 1, labelWidth, RowHeight - 2);
            canvas.FillColor(series.Color);
            canvas.FillRect(x, y - (RowHeight / 2) + 1, 3, RowHeight - 2);
            canvas.FillColor(Ink);
            canvas.Text(x + 6, y, series.EndLabel, TextAlign.Left, TextBaseline.Middle);
        }
    }
}
