using LrLab.Core.Plotting;
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
    private const double CharWidth = 7.4;

    /// <summary>Where each labelled series ends, in canvas pixels, after spreading; pure for tests.</summary>
    public static IReadOnlyList<(ChartSeries Series, double X, double Y)> Place(Chart model, Scale xs, Scale ys, double left, double top, double width, double height)
    {
        var ends = new List<(ChartSeries Series, double X, double Y)>();
        foreach (var series in model.Series)
        {
            if (series.EndLabel is null)
            {
                continue;
            }

            // The end the reader sees: where the line leaves the plot for good (a loss that fell
            // below the floor or flew above the top), else its last point.
            var y = series.Y.Span;
            (double X, double Y)? inside = null;
            (double X, double Y)? finite = null;
            (double X, double Y)? after = null;
            for (var i = y.Length - 1; i >= 0 && inside is null; i--)
            {
                var sx = xs.Map(series.XAt(i));
                var sy = ys.Map(y[i]);
                if (double.IsNaN(sx) || double.IsNaN(sy) || double.IsInfinity(sy))
                {
                    after = null;
                    continue;
                }

                finite ??= (sx, sy);
                if (sy >= top && sy <= top + height)
                {
                    inside = after is { } next ? Crossing((sx, sy), next, top, top + height) : (sx, sy);
                }
                else
                {
                    after = (sx, sy);
                }
            }

            if ((inside ?? finite) is { } end)
            {
                var labelWidth = Width(series.EndLabel);
                var x = Math.Clamp(end.X + 4, left + 2, Math.Max(left + 2, left + width - labelWidth - 2));
                ends.Add((series, x, Math.Clamp(end.Y, top + (RowHeight / 2), top + height - (RowHeight / 2))));
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
    public static void Draw(CanvasCommands canvas, Chart model, Scale xs, Scale ys, double left, double top, double width, double height)
    {
        foreach (var (series, x, y) in Place(model, xs, ys, left, top, width, height))
        {
            var label = series.EndLabel!;
            var labelWidth = Width(label);
            canvas.FillColor(ChartStyle.Background);
            canvas.FillRect(x, y - (RowHeight / 2) + 1, labelWidth, RowHeight - 2);
            canvas.FillColor(model.ColorOf(IndexOf(model, series)));
            canvas.FillRect(x, y - (RowHeight / 2) + 1, 4, RowHeight - 2);
            canvas.FillColor(ChartStyle.Ink);
            canvas.Text(x + 7, y, label, TextAlign.Left, TextBaseline.Middle);
        }
    }

    private static int IndexOf(Chart model, ChartSeries series)
    {
        for (var i = 0; i < model.Series.Count; i++)
        {
            if (ReferenceEquals(model.Series[i], series))
            {
                return i;
            }
        }

        return 0;
    }

    // Where the segment from a point inside the plot to one outside meets the top or bottom edge.
    private static (double X, double Y) Crossing((double X, double Y) inside, (double X, double Y) outside, double top, double bottom)
    {
        var edge = outside.Y < top ? top : bottom;
        var t = (edge - inside.Y) / (outside.Y - inside.Y);
        return (inside.X + (t * (outside.X - inside.X)), edge);
    }

    // Generous for 12 px system-ui digits, so a label never runs into the plot's clip.
    private static double Width(string label) => 11 + (CharWidth * label.Length);
}
