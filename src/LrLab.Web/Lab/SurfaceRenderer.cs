using LrLab.Core.Plotting;
using LrLab.Web.Components.Charts;
using LrLab.Web.Interop;

namespace LrLab.Web.Lab;

/// <summary>
/// Draws the lab's surface view: the shaded surface (2-D) or the loss curve (1-D), the minimum, the start,
/// each run's trail fading with age, its marker, and an arrow with the distance when a marker leaves the view.
/// </summary>
public static class SurfaceRenderer
{
    private const double PadLeft = 44;
    private const double PadRight = 10;
    private const double PadTop = 10;
    private const double PadBottom = 36;

    /// <summary>The plot rectangle and scales at this size.</summary>
    public static ChartLayout Layout(SurfaceScene scene, double width, double height)
    {
        ArgumentNullException.ThrowIfNull(scene);
        var w = Math.Max(10, width - PadLeft - PadRight);
        var h = Math.Max(10, height - PadTop - PadBottom);
        var v = scene.View;
        return new ChartLayout(PadLeft, PadTop, w, h, new Scale(v.XMin, v.XMax, PadLeft, PadLeft + w, false), new Scale(v.YMin, v.YMax, PadTop + h, PadTop, false));
    }

    /// <summary>The surface point under a pixel: (x) for 1-D surfaces, (x, y) for 2-D; null outside the plot.</summary>
    public static double[]? PointAt(SurfaceScene scene, ChartLayout layout, double px, double py)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(layout);
        if (!layout.Contains(px, py))
        {
            return null;
        }

        var x = Round(layout.X.Invert(px));
        return scene.Setup.Surface.Dimension == 1 ? [x] : [x, Round(layout.Y.Invert(py))];
    }

    /// <summary>Record one frame.</summary>
    public static ChartLayout Render(SurfaceScene scene, double width, double height, CanvasCommands canvas)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(canvas);
        var layout = Layout(scene, width, height);
        var (l, t, w, h) = (layout.Left, layout.Top, layout.Width, layout.Height);
        var surface = scene.Setup.Surface;
        var oneD = surface.Dimension == 1;
        canvas.Reset();
        canvas.Clear();
        canvas.Font("12px system-ui, sans-serif");
        if (oneD)
        {
            canvas.FillColor(ColorRamp.Floor);
            canvas.FillRect(l, t, w, h);
        }
        else
        {
            canvas.Image(scene.HeatKey, l, t, w, h);
        }

        Axes(canvas, layout, oneD ? "w" : "x", oneD ? "loss" : "y");
        canvas.Clip(l, t, w, h);
        if (oneD)
        {
            Curve(canvas, scene, layout);
        }

        Minimum(canvas, scene, layout);
        var start = Pixel(scene, layout, scene.Setup.Start);
        canvas.Stroke(ChartStyle.Ink, 1.5);
        canvas.BeginPath();
        canvas.Circle(start.X, start.Y, 5);
        canvas.StrokePath();

        // Before the first step each run's whole planned path shows faint and dashed, so moving the
        // slider previews where a rate goes before Play animates it.
        if (scene.Shown == 0)
        {
            foreach (var run in scene.Runs)
            {
                Preview(canvas, scene, layout, run);
            }
        }

        // The selected run is drawn last so it stays on top, and its line-search trials above its marker: late in a
        // run the accepted trial lies a few pixels from the marker and would otherwise hide under it.
        for (var r = 0; r < scene.Runs.Count; r++)
        {
            if (r != scene.Selected)
            {
                Trail(canvas, scene, layout, scene.Runs[r]);
            }
        }

        for (var r = 0; r < scene.Runs.Count; r++)
        {
            if (r != scene.Selected)
            {
                ProbeMarks.Draw(canvas, scene, layout, scene.Runs[r], faint: true);
            }
        }

        if (scene.Selected >= 0 && scene.Selected < scene.Runs.Count)
        {
            Trail(canvas, scene, layout, scene.Runs[scene.Selected]);
            ProbeMarks.Draw(canvas, scene, layout, scene.Runs[scene.Selected], faint: false);
        }

        canvas.Restore();
        for (var r = 0; r < scene.Runs.Count; r++)
        {
            OffView(canvas, scene, layout, scene.Runs[r], r);
        }

        canvas.Stroke(ChartStyle.Frame, 1);
        canvas.StrokeRect(l + 0.5, t + 0.5, w - 1, h - 1);
        return layout;
    }

    /// <summary>The point a run shows at the current step.</summary>
    public static double[] CurrentPoint(LabRun run, int shown)
    {
        ArgumentNullException.ThrowIfNull(run);
        var points = run.Trajectory.Steps;
        var k = Math.Min(shown, run.LastIndex);

        // An overflowed point has no finite position: show the last finite one.
        while (k > 0 && !AllFinite(points[k].Params))
        {
            k--;
        }

        return points[k].Params;
    }

    private static void Axes(CanvasCommands canvas, ChartLayout layout, string xTitle, string yTitle)
    {
        var (l, t, w, h) = (layout.Left, layout.Top, layout.Width, layout.Height);
        canvas.FillColor(ChartStyle.Muted);
        foreach (var tick in Ticks.Linear(layout.X.Min, layout.X.Max, Math.Max(2, (int)(w / 70))))
        {
            canvas.Text(layout.X.Map(tick.Value), t + h + 4, tick.Label, TextAlign.Center);
        }

        foreach (var tick in Ticks.Linear(layout.Y.Min, layout.Y.Max, Math.Max(2, (int)(h / 50))))
        {
            canvas.Text(l - 5, layout.Y.Map(tick.Value), tick.Label, TextAlign.Right, TextBaseline.Middle);
        }

        canvas.FillColor(ChartStyle.Ink);
        canvas.Text(l + (w / 2), t + h + 20, xTitle, TextAlign.Center);
        canvas.VerticalText(2, t + (h / 2), yTitle);
    }

    private static void Curve(CanvasCommands canvas, SurfaceScene scene, ChartLayout layout)
    {
        var surface = scene.Setup.Surface;
        Span<double> p = stackalloc double[1];
        canvas.Stroke(ColorRamp.Line, 2);
        canvas.BeginPath();
        var n = Math.Max(2, (int)layout.Width / 2);
        for (var i = 0; i <= n; i++)
        {
            p[0] = layout.X.Min + ((layout.X.Max - layout.X.Min) * i / n);
            var px = layout.X.Map(p[0]);
            var py = Math.Clamp(layout.Y.Map(surface.Value(p)), -1e4, 1e4);
            if (i == 0)
            {
                canvas.MoveTo(px, py);
            }
            else
            {
                canvas.LineTo(px, py);
            }
        }

        canvas.StrokePath();
    }

    private static void Minimum(CanvasCommands canvas, SurfaceScene scene, ChartLayout layout)
    {
        if (scene.Setup.Surface.Curvature is not { } c)
        {
            return;
        }

        var m = Pixel(scene, layout, c.Minimum);
        canvas.Stroke(ChartStyle.Background, 4);
        Cross(canvas, m.X, m.Y, 6);
        canvas.Stroke(ChartStyle.Ink, 2);
        Cross(canvas, m.X, m.Y, 6);
        canvas.FillColor(ChartStyle.Ink);
        canvas.Text(m.X + 8, m.Y + 4, "minimum");
    }

    private static void Cross(CanvasCommands canvas, double x, double y, double r)
    {
        canvas.BeginPath();
        canvas.MoveTo(x - r, y - r);
        canvas.LineTo(x + r, y + r);
        canvas.MoveTo(x - r, y + r);
        canvas.LineTo(x + r, y - r);
        canvas.StrokePath();
    }

    private static void Trail(CanvasCommands canvas, SurfaceScene scene, ChartLayout layout, LabRun run)
    {
        var points = run.Trajectory.Steps;
        var last = Math.Min(scene.Shown, run.LastIndex);
        while (last > 0 && !AllFinite(points[last].Params))
        {
            last--;
        }

        // The whole path, faint.
        canvas.Alpha(0.35);
        canvas.Stroke(run.Color, 1.5);
        canvas.BeginPath();
        for (var k = 0; k <= last; k++)
        {
            var p = Pixel(scene, layout, points[k].Params, points[k].Loss);
            if (k == 0)
            {
                canvas.MoveTo(p.X, p.Y);
            }
            else
            {
                canvas.LineTo(p.X, p.Y);
            }
        }

        canvas.StrokePath();

        // The recent steps, brighter the newer, in a few alpha bands (one path each keeps it cheap).
        const int Bands = 5;
        var from = Math.Max(0, last - scene.TrailLength);
        for (var band = 0; band < Bands; band++)
        {
            var a = from + ((last - from) * band / Bands);
            var b = from + ((last - from) * (band + 1) / Bands);
            if (b <= a)
            {
                continue;
            }

            canvas.Alpha(0.3 + (0.7 * (band + 1) / Bands));
            canvas.Stroke(run.Color, 2.5);
            canvas.BeginPath();
            var p0 = Pixel(scene, layout, points[a].Params, points[a].Loss);
            canvas.MoveTo(p0.X, p0.Y);
            for (var k = a + 1; k <= b; k++)
            {
                var p = Pixel(scene, layout, points[k].Params, points[k].Loss);
                canvas.LineTo(p.X, p.Y);
            }

            canvas.StrokePath();
            canvas.FillColor(run.Color);
            canvas.BeginPath();
            for (var k = a + 1; k <= b; k++)
            {
                var p = Pixel(scene, layout, points[k].Params, points[k].Loss);
                canvas.Circle(p.X, p.Y, 2.2);
            }

            canvas.FillPath();
        }

        canvas.Alpha(1);
        var c = Pixel(scene, layout, points[last].Params, points[last].Loss);
        canvas.FillColor(run.Color);
        canvas.Stroke(ChartStyle.Background, 2);
        canvas.BeginPath();
        canvas.Circle(c.X, c.Y, 7);
        canvas.FillPath();
        canvas.StrokePath();
    }

    private static void Preview(CanvasCommands canvas, SurfaceScene scene, ChartLayout layout, LabRun run)
    {
        var points = run.Trajectory.Steps;
        canvas.Alpha(0.45);
        canvas.Stroke(run.Color, 1.5);
        canvas.Dash(4);
        canvas.BeginPath();
        var first = true;
        foreach (var point in points)
        {
            var p = Pixel(scene, layout, point.Params, point.Loss);

            // A diverging path would only cover the view with lines: stop where it leaves the picture.
            if (!AllFinite(point.Params) || !layout.Contains(p.X, p.Y))
            {
                break;
            }

            if (first)
            {
                canvas.MoveTo(p.X, p.Y);
                first = false;
            }
            else
            {
                canvas.LineTo(p.X, p.Y);
            }
        }

        canvas.StrokePath();
        canvas.Dash(0);
        canvas.Alpha(1);
    }

    private static void OffView(CanvasCommands canvas, SurfaceScene scene, ChartLayout layout, LabRun run, int index)
    {
        var point = CurrentPoint(run, scene.Shown);
        var loss = scene.Setup.Surface.Value(point);
        var p = Pixel(scene, layout, point, loss);
        if (layout.Contains(p.X, p.Y))
        {
            return;
        }

        // Walk from the centre towards the point and stop 16 px inside the frame.
        var cx = layout.Left + (layout.Width / 2);
        var cy = layout.Top + (layout.Height / 2);
        double dx = p.X - cx, dy = p.Y - cy;
        if (!double.IsFinite(dx) || !double.IsFinite(dy) || (dx == 0 && dy == 0))
        {
            (dx, dy) = (1, 0);
        }

        var sx = ((layout.Width / 2) - 16) / Math.Max(Math.Abs(dx), 1e-9);
        var sy = ((layout.Height / 2) - 16) / Math.Max(Math.Abs(dy), 1e-9);
        var s = Math.Min(sx, sy);
        var ax = cx + (dx * s);
        var ay = cy + (dy * s);
        var len = Math.Sqrt((dx * dx) + (dy * dy));
        var (ux, uy) = (dx / len, dy / len);
        canvas.FillColor(run.Color);
        canvas.Stroke(ChartStyle.Background, 1.5);
        canvas.BeginPath();
        canvas.MoveTo(ax + (ux * 12), ay + (uy * 12));
        canvas.LineTo(ax - (ux * 4) - (uy * 8), ay - (uy * 4) + (ux * 8));
        canvas.LineTo(ax - (ux * 4) + (uy * 8), ay - (uy * 4) - (ux * 8));
        canvas.LineTo(ax + (ux * 12), ay + (uy * 12));
        canvas.FillPath();
        canvas.StrokePath();

        var minimum = scene.Setup.Surface.Curvature?.Minimum ?? (scene.Setup.Surface.Dimension == 1 ? [0.0] : [0.0, 0.0]);
        var distance = Math.Sqrt(point.Select((v, i) => (v - minimum[i]) * (v - minimum[i])).Sum());
        var label = "off view: " + Numbers.Short(distance, 2) + " from the minimum";
        const double Box = 176;
        var half = Math.Min(Box / 2, layout.Width / 2);
        var tx = Math.Clamp(ax - (ux * 22), layout.Left + half, layout.Left + layout.Width - half);
        var ty = Math.Clamp(ay - (uy * 22) + (index * 16), layout.Top + 4, layout.Top + layout.Height - 18);
        canvas.FillColor(ChartStyle.Background);
        canvas.Alpha(0.85);
        canvas.FillRect(tx - half, ty - 1, 2 * half, 16);
        canvas.Alpha(1);
        canvas.FillColor(ChartStyle.Ink);
        canvas.Text(tx, ty, label, TextAlign.Center);
    }

    /// <summary>The pixel of a surface point (on 1-D surfaces, of the point on the loss curve).</summary>
    internal static (double X, double Y) Pixel(SurfaceScene scene, ChartLayout layout, IReadOnlyList<double> point, double loss = double.NaN)
    {
        double x = layout.X.Map(point[0]);
        double y;
        if (scene.Setup.Surface.Dimension == 1)
        {
            y = layout.Y.Map(double.IsNaN(loss) ? scene.Setup.Surface.Value([point[0]]) : loss);
        }
        else
        {
            y = layout.Y.Map(point[1]);
        }

        // Far-off points stay drawable; the clip hides the part outside the view.
        return (Math.Clamp(double.IsNaN(x) ? 1e5 : x, -1e5, 1e5), Math.Clamp(double.IsNaN(y) ? -1e5 : y, -1e5, 1e5));
    }

    private static bool AllFinite(double[] values) => values.All(double.IsFinite);

    private static double Round(double v) => LogSlider.RoundSignificant(v, 3);
}
