using LrLab.Web.Interop;

namespace LrLab.Web.Components.Charts;

/// <summary>Turns a <see cref="ChartModel"/> into canvas commands for a given size; pure, so tests can read the result.</summary>
public static class ChartRenderer
{
    private const double PadLeft = 62;
    private const double PadRight = 14;
    private const double PadTop = 16;
    private const double PadBottom = 42;
    private const string Font = "12px system-ui, sans-serif";
    private const string Ink = "#1b2733";
    private const string Grid = "#e3e8ee";
    private const string Muted = "#5a6776";

    /// <summary>The plot area and scales for this model at this size.</summary>
    public static ChartLayout Layout(ChartModel model, double width, double height)
    {
        var left = PadLeft;
        var w = Math.Max(10, width - PadLeft - PadRight);
        var (x0, x1) = AxisScale.Extent(XValues(model), model.X.Log, model.X.Min, model.X.Max);
        var (y0, y1) = AxisScale.Extent(YValues(model), model.Y.Log, model.Y.Min, model.Y.Max);
        if (model.X.Log && model.X.Min is null && model.X.Max is null)
        {
            (x0, x1) = (x0 / 1.2, x1 * 1.2);
        }

        if (model.Y.Log && model.Y.Min is null && model.Y.Max is null)
        {
            (y0, y1) = (y0 / 1.5, y1 * 1.5);
        }

        // Room above the plot for as many rows of labels as the labels need.
        var xs = new AxisScale(x0, x1, left, left + w, model.X.Log);
        var rows = LabelSpots(model, xs, left, w) is { Count: > 0 } spots ? MarkerLabels.Place(spots, left, left + w).Select(p => p.Row + 1).DefaultIfEmpty(0).Max() : 0;
        var top = PadTop + (14 * rows);
        var h = Math.Max(10, height - top - PadBottom);
        return new ChartLayout(left, top, w, h, xs, new AxisScale(y0, y1, top + h, top, model.Y.Log));
    }

    /// <summary>Record one frame of the chart into <paramref name="canvas"/> and return its layout.</summary>
    public static ChartLayout Render(ChartModel model, double width, double height, CanvasCommands canvas, ChartHit? hover = null)
    {
        var layout = Layout(model, width, height);
        var (l, t, w, h) = (layout.Left, layout.Top, layout.Width, layout.Height);
        var xs = layout.X;
        var ys = layout.Y;
        canvas.Reset();
        canvas.Clear();
        canvas.Font(Font);
        canvas.FillColor("#ffffff");
        canvas.FillRect(l, t, w, h);

        foreach (var r in model.Ranges)
        {
            var a = Clamp(xs.Map(Math.Max(r.From, xs.Min)), l, l + w);
            var b = Clamp(xs.Map(Math.Min(r.To, xs.Max)), l, l + w);
            if (double.IsNaN(a) || double.IsNaN(b) || b <= a)
            {
                continue;
            }

            canvas.Alpha(0.16);
            canvas.FillColor(r.Color);
            canvas.FillRect(a, t, b - a, h);
            canvas.Alpha(1);
        }

        var xTicks = xs.Log ? Ticks.Log(xs.Min, xs.Max, Math.Max(2, (int)(w / 70))) : Ticks.Linear(xs.Min, xs.Max, Math.Max(2, (int)(w / 80)));
        var yTicks = ys.Log ? Ticks.Log(ys.Min, ys.Max, Math.Max(2, (int)(h / 40))) : Ticks.Linear(ys.Min, ys.Max, Math.Max(2, (int)(h / 45)));
        canvas.Stroke(Grid, 1);
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
        canvas.FillColor(Muted);
        foreach (var tick in xTicks)
        {
            canvas.Text(xs.Map(tick.Value), t + h + 4, tick.Label, TextAlign.Center);
        }

        foreach (var tick in yTicks)
        {
            canvas.Text(l - 5, ys.Map(tick.Value), tick.Label, TextAlign.Right, TextBaseline.Middle);
        }

        canvas.FillColor(Ink);
        canvas.Text(l + (w / 2), t + h + 22, model.X.Title + (xs.Log ? " (log)" : string.Empty), TextAlign.Center);
        canvas.VerticalText(2, t + (h / 2), model.Y.Title + (ys.Log ? " (log)" : string.Empty));

        canvas.Clip(l, t, w, h);
        foreach (var series in model.Series)
        {
            DrawSeries(canvas, series, xs, ys);
        }

        EndLabels.Draw(canvas, model, xs, ys, l, t, w, h);

        for (var i = 0; i < model.Markers.Count; i++)
        {
            var m = model.Markers[i];
            var px = xs.Map(m.X);
            if (double.IsNaN(px) || px < l - 1 || px > l + w + 1)
            {
                continue;
            }

            canvas.Stroke(m.Color, 1.5);
            canvas.Dash(m.Dashed ? 5 : 0);
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
            canvas.Circle(px, py, 5);
            canvas.StrokePath();
        }

        if (hover is { } hit)
        {
            canvas.Stroke(Ink, 1);
            canvas.Dash(3);
            canvas.BeginPath();
            canvas.MoveTo(hit.PixelX, t);
            canvas.LineTo(hit.PixelX, t + h);
            canvas.StrokePath();
            canvas.Dash(0);
            canvas.FillColor(model.Series[hit.Series].Color);
            canvas.BeginPath();
            canvas.Circle(hit.PixelX, hit.PixelY, 4.5);
            canvas.FillPath();
        }

        canvas.Restore();

        // Labels sit above the plot in up to two rows, marker lines' first, then the shaded ranges'; one that
        // would overprint a neighbour in both rows is left out (its line or band stays).
        var spots = LabelSpots(model, xs, l, w);
        foreach (var spot in MarkerLabels.Place(spots, l, l + w))
        {
            var isMarker = spot.Index < model.Markers.Count;
            canvas.FillColor(isMarker ? model.Markers[spot.Index].Color : Ink);
            canvas.Text(spot.X, t - 14 - (spot.Row * 14), spots[spot.Index].Label, spot.Align);
        }

        canvas.Stroke("#9aa7b4", 1);
        canvas.StrokeRect(l + 0.5, t + 0.5, w - 1, h - 1);
        return layout;
    }

    private static List<(double X, string Label)> LabelSpots(ChartModel model, AxisScale xs, double l, double w) =>
        [.. model.Markers.Select(m => (xs.Map(m.X), m.Label)), .. model.Ranges.Select(r => (RangeCentre(r, xs, l, w), r.Label))];

    private static double RangeCentre(ChartRange r, AxisScale xs, double l, double w)
    {
        var a = Clamp(xs.Map(Math.Max(r.From, xs.Min)), l, l + w);
        var b = Clamp(xs.Map(Math.Min(r.To, xs.Max)), l, l + w);
        return double.IsNaN(a) || double.IsNaN(b) || b <= a ? double.NaN : (a + b) / 2;
    }

    /// <summary>The point nearest a pixel (by screen distance, x weighted more), or null when the pointer is outside the plot.</summary>
    public static ChartHit? Nearest(ChartModel model, ChartLayout layout, double px, double py)
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

    private static void DrawSeries(CanvasCommands canvas, ChartSeries series, AxisScale xs, AxisScale ys)
    {
        var y = series.Y.Span;
        canvas.Stroke(series.Color, series.Width);
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
            canvas.FillColor(series.Color);
            canvas.BeginPath();
            for (var i = 0; i < y.Length; i++)
            {
                var sx = xs.Map(series.XAt(i));
                var sy = ys.Map(y[i]);
                if (!double.IsNaN(sx) && !double.IsNaN(sy))
                {
                    canvas.Circle(sx, sy, 2.5);
                }
            }

            canvas.FillPath();
        }
    }

    private static IEnumerable<double> XValues(ChartModel model)
    {
        foreach (var s in model.Series)
        {
            if (s.Count == 0)
            {
                continue;
            }

            if (s.X.IsEmpty)
            {
                yield return s.XStart;
                yield return s.XStart + s.Count - 1;
            }
            else
            {
                for (var i = 0; i < s.X.Length; i++)
                {
                    yield return s.X.Span[i];
                }
            }
        }

        foreach (var p in model.Points)
        {
            yield return p.X;
        }
    }

    private static IEnumerable<double> YValues(ChartModel model)
    {
        foreach (var s in model.Series)
        {
            for (var i = 0; i < s.Y.Length; i++)
            {
                yield return s.Y.Span[i];
            }
        }

        foreach (var p in model.Points)
        {
            yield return p.Y;
        }
    }

    private static double Clamp(double v, double lo, double hi) => double.IsNaN(v) ? v : Math.Clamp(v, lo, hi);
}
