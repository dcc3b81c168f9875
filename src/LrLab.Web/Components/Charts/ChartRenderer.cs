using LrLab.Core.Plotting;
using LrLab.Web.Interop;

namespace LrLab.Web.Components.Charts;

/// <summary>
/// The canvas back end of Core's chart model (<see cref="Chart"/>): turns it into canvas commands for a given size.
/// Ranges, ticks, label rows and colours come from Core (<see cref="Scale"/>, <see cref="MarkerLabels"/>,
/// <see cref="ChartStyle"/>), as for the SVG files <see cref="SvgWriter"/> writes; pure, so tests can read the result.
/// </summary>
public static class ChartRenderer
{
    private const double PadLeft = 62;
    private const double PadRight = 14;
    private const double PadTop = 16;
    private const double PadBottom = 42;
    private const string Font = "12px system-ui, sans-serif";

    /// <summary>The plot area and scales for this model at this size.</summary>
    public static ChartLayout Layout(Chart model, double width, double height)
    {
        ArgumentNullException.ThrowIfNull(model);
        var left = PadLeft;
        var w = Math.Max(10, width - PadLeft - PadRight);
        var xs = Scale.Fit(model.X, model.XValues(), left, left + w);

        // Room above the plot for as many rows of labels as the labels need.
        var top = PadTop + (ChartStyle.LabelRow * MarkerLabels.RowsUsed(model, xs));
        var h = Math.Max(10, height - top - PadBottom);
        return new ChartLayout(left, top, w, h, xs, Scale.Fit(model.Y, model.YValues(), top + h, top));
    }

    /// <summary>Record one frame of the chart into <paramref name="canvas"/> and return its layout.</summary>
    public static ChartLayout Render(Chart model, double width, double height, CanvasCommands canvas, ChartHit? hover = null)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        var layout = Layout(model, width, height);
        var (l, t, w, h) = (layout.Left, layout.Top, layout.Width, layout.Height);
        var xs = layout.X;
        var ys = layout.Y;
        canvas.Reset();
        canvas.Clear();
        canvas.Font(Font);
        canvas.FillColor(ChartStyle.Background);
        canvas.FillRect(l, t, w, h);

        foreach (var band in model.Bands)
        {
            if (MarkerLabels.BandSpan(band, xs) is { } span)
            {
                canvas.Alpha(ChartStyle.BandOpacity);
                canvas.FillColor(band.Color);
                canvas.FillRect(span.From, t, span.To - span.From, h);
                canvas.Alpha(1);
            }
        }

        var xTicks = xs.Ticks();
        var yTicks = ys.Ticks();
        canvas.Stroke(ChartStyle.Grid, 1);
        canvas.BeginPath();
        foreach (var tick in xTicks)
        {
            var px = Math.Round(xs.Map(tick.Value)) + 0.5;
            canvas.MoveTo(px, t);
            canvas.LineTo(px, t + h);
        }

        foreach (var tick in yTicks)
        {
            var py = Math.Round(ys.Map(tick.Value)) + 0.5;
            canvas.MoveTo(l, py);
            canvas.LineTo(l + w, py);
        }

        canvas.StrokePath();
        canvas.FillColor(ChartStyle.Muted);
        foreach (var tick in xTicks)
        {
            canvas.Text(xs.Map(tick.Value), t + h + 4, tick.Label, TextAlign.Center);
        }

        foreach (var tick in yTicks)
        {
            canvas.Text(l - 5, ys.Map(tick.Value), tick.Label, TextAlign.Right, TextBaseline.Middle);
        }

        canvas.FillColor(ChartStyle.Ink);
        canvas.Text(l + (w / 2), t + h + 22, model.X.Title, TextAlign.Center);
        canvas.VerticalText(2, t + (h / 2), model.Y.Title);

        canvas.Clip(l, t, w, h);
        for (var i = 0; i < model.Series.Count; i++)
        {
            DrawSeries(canvas, model.Series[i], model.ColorOf(i), xs, ys);
        }

        EndLabels.Draw(canvas, model, xs, ys, l, t, w, h);

        foreach (var m in model.Markers)
        {
            var px = xs.Map(m.X);
            if (double.IsNaN(px) || px < l - 1 || px > l + w + 1)
            {
                continue;
            }

            canvas.Stroke(m.Color, 1.5);
            canvas.Dash(m.Dashed ? ChartStyle.Dash : 0);
            canvas.BeginPath();
            canvas.MoveTo(px, t);
            canvas.LineTo(px, t + h);
            canvas.StrokePath();
            canvas.Dash(0);
        }

        foreach (var p in model.Points)
        {
            var px = xs.Map(p.X);
            var py = ys.Map(p.Y);
            if (double.IsNaN(px) || double.IsNaN(py))
            {
                continue;
            }

            canvas.Stroke(p.Color, 2);
            canvas.BeginPath();
            canvas.Circle(px, py, ChartStyle.PointRadius);
            canvas.StrokePath();
        }

        if (hover is { } hit)
        {
            canvas.Stroke(ChartStyle.Ink, 1);
            canvas.Dash(3);
            canvas.BeginPath();
            canvas.MoveTo(hit.PixelX, t);
            canvas.LineTo(hit.PixelX, t + h);
            canvas.StrokePath();
            canvas.Dash(0);
            canvas.FillColor(model.ColorOf(hit.Series));
            canvas.BeginPath();
            canvas.Circle(hit.PixelX, hit.PixelY, 4.5);
            canvas.FillPath();
        }

        canvas.Restore();

        // Labels sit above the plot in rows, marker lines' first, then the shaded bands'; one that would overprint a
        // neighbour in every row is left out (its line or band stays).
        var spots = MarkerLabels.Spots(model, xs);
        foreach (var spot in MarkerLabels.Place(spots, l, l + w))
        {
            var isMarker = spot.Index < model.Markers.Count;
            canvas.FillColor(isMarker ? model.Markers[spot.Index].Color : ChartStyle.Ink);
            canvas.Text(spot.X, t - ChartStyle.LabelRow - (spot.Row * ChartStyle.LabelRow), spots[spot.Index].Label, Align(spot.Anchor));
        }

        canvas.Stroke(ChartStyle.Frame, 1);
        canvas.StrokeRect(l + 0.5, t + 0.5, w - 1, h - 1);
        return layout;
    }

    private static TextAlign Align(LabelAnchor anchor) => anchor switch
    {
        LabelAnchor.Start => TextAlign.Left,
        LabelAnchor.End => TextAlign.Right,
        _ => TextAlign.Center,
    };

    /// <summary>The point nearest a pixel (by screen distance, x weighted more), or null when the pointer is outside the plot.</summary>
    public static ChartHit? Nearest(Chart model, ChartLayout layout, double px, double py)
    {
        if (!layout.Contains(px, py))
        {
            return null;
        }

        ChartHit? best = null;
        var bestDistance = double.PositiveInfinity;
        for (var s = 0; s < model.Series.Count; s++)
        {
            var series = model.Series[s];
            var y = series.Y.Span;
            for (var i = 0; i < y.Length; i++)
            {
                var x = series.XAt(i);
                var sx = layout.X.Map(x);
                var sy = layout.Y.Map(y[i]);
                if (double.IsNaN(sx) || double.IsNaN(sy))
                {
                    continue;
                }

                var dx = sx - px;
                var dy = Math.Clamp(sy, layout.Top, layout.Top + layout.Height) - py;
                var d = (dx * dx) + (0.25 * dy * dy);
                if (d < bestDistance)
                {
                    bestDistance = d;
                    best = new ChartHit(s, i, x, y[i], sx, sy);
                }
            }
        }

        return best;
    }

    private static void DrawSeries(CanvasCommands canvas, ChartSeries series, string color, Scale xs, Scale ys)
    {
        var y = series.Y.Span;
        canvas.Stroke(color, series.Width);
        canvas.Dash(series.Dashed ? 6 : 0);
        canvas.BeginPath();
        var penDown = false;
        var lastX = double.NaN;
        for (var i = 0; i < y.Length; i++)
        {
            var sx = xs.Map(series.XAt(i));
            var sy = ys.Map(y[i]);
            if (double.IsNaN(sx) || double.IsNaN(sy))
            {
                penDown = false;
                continue;
            }

            // Keep overflowing values drawable: the clip hides what lies outside the plot.
            sy = Math.Clamp(sy, -1e4, 1e5);
            if (penDown)
            {
                // Several points in one pixel column add nothing visible but cost time.
                if (Math.Abs(sx - lastX) < 0.5 && i < y.Length - 1)
                {
                    continue;
                }

                canvas.LineTo(sx, sy);
            }
            else
            {
                canvas.MoveTo(sx, sy);
                penDown = true;
            }

            lastX = sx;
        }

        canvas.StrokePath();
        canvas.Dash(0);
        if (series.Markers)
        {
            canvas.FillColor(color);
            canvas.BeginPath();
            for (var i = 0; i < y.Length; i++)
            {
                var sx = xs.Map(series.XAt(i));
                var sy = ys.Map(y[i]);
                if (!double.IsNaN(sx) && !double.IsNaN(sy))
                {
                    canvas.Circle(sx, sy, ChartStyle.DotRadius);
                }
            }

            canvas.FillPath();
        }
    }

    private static double Clamp(double v, double lo, double hi) => double.IsNaN(v) ? v : Math.Clamp(v, lo, hi);
}
