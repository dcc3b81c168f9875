using LrLab.Core.LineSearch;
using LrLab.Core.Plotting;
using LrLab.Web.Components.Charts;
using LrLab.Web.Interop;

namespace LrLab.Web.Lab;

/// <summary>
/// Draws a line-search run's next update before it is committed: the dashed ray along −∇L from the current point to
/// the first trial step (at least 48 px long), every rejected trial as a hollow ring and the accepted one filled. Shape tells them apart as
/// well as colour (Okabe–Ito vermillion and bluish green), so the marks read without colour vision too.
/// </summary>
public static class ProbeMarks
{
    /// <summary>Ring colour of a trial the Armijo test rejected.</summary>
    public const string Rejected = Palette.Vermillion;

    /// <summary>Fill colour of the trial it accepted.</summary>
    public const string Accepted = Palette.BluishGreen;

    /// <summary>Radius of the selected run's trial marks (px).</summary>
    public const double Radius = 4.5;

    /// <summary>Radius of the other raced runs' faint trial marks (px).</summary>
    public const double FaintRadius = 3;


    // Late in a run the trials lie a few pixels apart, under the marker: the ray is drawn at least this long so the
    // descent direction stays visible.
    private const double MinimumRay = 48;

    private const double MarkerRadius = 7;

    /// <summary>
    /// The update the probes belong to: the one after the shown point, or 0 when the run has no further update (or is
    /// not a line search).
    /// </summary>
    public static int NextUpdate(LabRun run, int shown)
    {
        ArgumentNullException.ThrowIfNull(run);
        var next = Math.Min(shown, run.LastIndex) + 1;
        return run.SearchOf(next) is null ? 0 : next;
    }

    /// <summary>Record the marks of <paramref name="run"/>'s next update; <paramref name="faint"/> for runs other than the selected one.</summary>
    public static void Draw(CanvasCommands canvas, SurfaceScene scene, ChartLayout layout, LabRun run, bool faint)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(run);
        var update = NextUpdate(run, scene.Shown);
        if (run.SearchOf(update) is not { Probes.Count: > 0 } search)
        {
            return;
        }

        var from = run.Trajectory.Steps[update - 1];
        var surface = scene.Setup.Surface;
        var first = search.Probes[0];
        canvas.Alpha(faint ? 0.4 : 1);

        // The descent direction, as far as the first (longest) trial. On a 1-D surface it follows the curve.
        canvas.Stroke(faint ? run.Color : ChartStyle.Ink, faint ? 1 : 1.5);
        canvas.Dash(5);
        canvas.BeginPath();
        var start = SurfaceRenderer.Pixel(scene, layout, from.Params, from.Loss);
        if (surface.Dimension == 1)
        {
            const int Samples = 32;
            canvas.MoveTo(start.X, start.Y);
            for (var i = 1; i <= Samples; i++)
            {
                var w = from.Params[0] + ((first.Params[0] - from.Params[0]) * i / Samples);
                var p = SurfaceRenderer.Pixel(scene, layout, [w], surface.Value([w]));
                canvas.LineTo(p.X, p.Y);
            }
        }
        else
        {
            var end = SurfaceRenderer.Pixel(scene, layout, first.Params, first.Loss);
            var (dx, dy) = (end.X - start.X, end.Y - start.Y);
            var length = Math.Sqrt((dx * dx) + (dy * dy));
            if (length is > 0 and < MinimumRay)
            {
                end = (start.X + (dx * MinimumRay / length), start.Y + (dy * MinimumRay / length));
                length = MinimumRay;
            }

            // Start at the marker's rim (radius 7) so the ray does not cross the marker drawn below it.
            var rim = length > 0 ? Math.Min(MarkerRadius, length) / length : 0;
            canvas.MoveTo(start.X + ((end.X - start.X) * rim), start.Y + ((end.Y - start.Y) * rim));
            canvas.LineTo(end.X, end.Y);
        }

        canvas.StrokePath();
        canvas.Dash(0);

        var radius = faint ? FaintRadius : Radius;
        foreach (var probe in search.Probes)
        {
            if (!probe.Params.All(double.IsFinite))
            {
                continue;
            }

            var p = SurfaceRenderer.Pixel(scene, layout, probe.Params, probe.Loss);
            if (probe.Accepted)
            {
                canvas.FillColor(Accepted);
                canvas.Stroke(ChartStyle.Background, 1.5);
                canvas.BeginPath();
                canvas.Circle(p.X, p.Y, radius);
                canvas.FillPath();
                canvas.StrokePath();
            }
            else
            {
                // A white halo keeps the ring visible on the darker parts of the heat map.
                canvas.Stroke(ChartStyle.Background, 3.5);
                canvas.BeginPath();
                canvas.Circle(p.X, p.Y, radius);
                canvas.StrokePath();
                canvas.Stroke(Rejected, 2);
                canvas.StrokePath();
            }
        }

        if (!faint)
        {
            OutsideNote(canvas, scene, layout, search.Probes);
        }

        if (!faint && search.Probes[^1] is { Accepted: true } chosen && chosen.Params.All(double.IsFinite))
        {
            var p = SurfaceRenderer.Pixel(scene, layout, chosen.Params, chosen.Loss);
            canvas.FillColor(ChartStyle.Ink);
            canvas.Text(p.X + 8, p.Y - 16, "α = " + Numbers.Short(chosen.Alpha, 3));
        }

        canvas.Alpha(1);
    }

    /// <summary>How many of these trials fall outside the plot (a long first step often does), or 0.</summary>
    public static int Outside(SurfaceScene scene, ChartLayout layout, IReadOnlyList<LineSearchProbe> probes)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(probes);
        var count = 0;
        foreach (var probe in probes)
        {
            var p = SurfaceRenderer.Pixel(scene, layout, probe.Params, probe.Loss);
            count += probe.Params.All(double.IsFinite) && layout.Contains(p.X, p.Y) ? 0 : 1;
        }

        return count;
    }

    // Trials past the edge cannot be seen: say so in the plot's top-left corner, with the longest one.
    private static void OutsideNote(CanvasCommands canvas, SurfaceScene scene, ChartLayout layout, IReadOnlyList<LineSearchProbe> probes)
    {
        var outside = Outside(scene, layout, probes);
        if (outside == 0)
        {
            return;
        }

        var label = (outside == 1 ? "1 trial" : outside + " trials") + " outside the view (longest α = " + Numbers.Short(probes[0].Alpha, 3) + ")";
        var width = Math.Min(layout.Width - 8, 6.4 * label.Length);
        canvas.FillColor(ChartStyle.Background);
        canvas.Alpha(0.85);
        canvas.FillRect(layout.Left + 4, layout.Top + 4, width, 17);
        canvas.Alpha(1);
        canvas.FillColor(ChartStyle.Ink);
        canvas.Text(layout.Left + 8, layout.Top + 6, label);
    }
}
