using System.Globalization;
using System.Text;
using LrLab.Core.Simulation;
using LrLab.Core.Surfaces;

namespace LrLab.Web.Components.Learn;

/// <summary>
/// Pure geometry for the lesson widget's two SVG panels: the surface with the optimizer's trail, and the loss curve.
/// Coordinates are in a fixed viewBox so the SVG scales to any width.
/// </summary>
public static class WidgetPlot
{
    /// <summary>Side of the square surface panel.</summary>
    public const double Size = 300;

    /// <summary>Loss panel width.</summary>
    public const double LossWidth = 300;

    /// <summary>Loss panel height.</summary>
    public const double LossHeight = 160;

    private const int Cells = 40;

    // Single-hue ramp (light to dark blue): readable for every kind of colour vision.
    // Low loss is light, high loss dark; ten bands read like contour lines.
    private static readonly string[] _ramp = ["#f7fbff", "#e3eef9", "#d0e1f2", "#b7d4ea", "#94c4df", "#6aaed6", "#4a98c9", "#2e7ebc", "#1764ab", "#084a91"];

    /// <summary>A filled square of the heat map.</summary>
    public readonly record struct Cell(double X, double Y, double Side, string Fill);

    /// <summary>Heat map of log loss for a two-parameter surface (empty for one parameter).</summary>
    public static IReadOnlyList<Cell> HeatMap(Surface surface)
    {
        if (surface.Dimension != 2)
        {
            return [];
        }

        var view = surface.View;
        var values = new double[Cells * Cells];
        var point = new double[2];
        for (var j = 0; j < Cells; j++)
        {
            for (var i = 0; i < Cells; i++)
            {
                point[0] = view.XMin + (i + 0.5) / Cells * (view.XMax - view.XMin);
                point[1] = view.YMax - (j + 0.5) / Cells * (view.YMax - view.YMin);
                values[j * Cells + i] = surface.Value(point);
            }
        }

        var floor = values.Min();
        for (var k = 0; k < values.Length; k++)
        {
            values[k] = Math.Sqrt(values[k] - floor);
        }

        var lo = values.Min();
        var hi = values.Max();
        var side = Size / Cells;
        var cells = new List<Cell>(values.Length);
        for (var k = 0; k < values.Length; k++)
        {
            var t = hi > lo ? (values[k] - lo) / (hi - lo) : 0;
            var fill = _ramp[Math.Clamp((int)(t * _ramp.Length), 0, _ramp.Length - 1)];
            cells.Add(new Cell(k % Cells * side, k / Cells * side, side, fill));
        }

        return cells;
    }

    /// <summary>The curve L(w) across the view for a one-parameter surface, as an SVG path (empty for two).</summary>
    public static string CurvePath(Surface surface)
    {
        if (surface.Dimension != 1)
        {
            return string.Empty;
        }

        var path = new StringBuilder();
        var point = new double[1];
        for (var i = 0; i <= 120; i++)
        {
            point[0] = surface.View.XMin + i / 120.0 * (surface.View.XMax - surface.View.XMin);
            var (x, y) = ToPanel(surface, point, surface.Value(point));
            path.Append(i == 0 ? 'M' : 'L').Append(Num(x)).Append(' ').Append(Num(y)).Append(' ');
        }

        return path.ToString().TrimEnd();
    }

    /// <summary>The first <paramref name="count"/> points of the trail in panel coordinates, clamped near the panel.</summary>
    public static IReadOnlyList<(double X, double Y)> Trail(Surface surface, Trajectory run, int count)
    {
        var points = new List<(double, double)>();
        foreach (var p in run.Steps.Take(count))
        {
            if (p.Params.Any(v => !double.IsFinite(v)) || !double.IsFinite(p.Loss))
            {
                break;
            }

            points.Add(ToPanel(surface, p.Params, p.Loss));
        }

        return points;
    }

    /// <summary>Trail points as an SVG <c>points</c> attribute.</summary>
    public static string Points(IEnumerable<(double X, double Y)> points) =>
        string.Join(' ', points.Select(p => $"{Num(p.X)},{Num(p.Y)}"));

    /// <summary>The loss curve of the first <paramref name="count"/> points on a log axis, as an SVG path.</summary>
    public static string LossPath(Trajectory run, int count)
    {
        if (LossBounds(run) is not { } bounds || count <= 0)
        {
            return string.Empty;
        }

        var lo = Math.Log10(bounds.Lo);
        var hi = Math.Max(Math.Log10(bounds.Hi), lo + 1e-9);
        var total = Math.Max(run.Steps.Count - 1, 1);
        var path = new StringBuilder();
        foreach (var p in run.Steps.Take(count))
        {
            if (!double.IsFinite(p.Loss))
            {
                break;
            }

            var x = 6 + p.Step / (double)total * (LossWidth - 12);
            var y = 6 + (hi - Math.Log10(Math.Max(p.Loss, 1e-12))) / (hi - lo) * (LossHeight - 12);
            path.Append(path.Length == 0 ? 'M' : 'L').Append(Num(x)).Append(' ').Append(Num(y)).Append(' ');
        }

        return path.ToString().TrimEnd();
    }

    /// <summary>Lowest and highest finite loss of the run (floored at 1e-12 for the log axis), or null if none is finite.</summary>
    public static (double Lo, double Hi)? LossBounds(Trajectory run)
    {
        var finite = run.Steps.Where(p => double.IsFinite(p.Loss)).Select(p => Math.Max(p.Loss, 1e-12)).ToList();
        return finite.Count == 0 ? null : (finite.Min(), finite.Max());
    }

    /// <summary>Maps a point to the panel: (x, y) for two parameters, (w, L(w)) for one.</summary>
    public static (double X, double Y) ToPanel(Surface surface, IReadOnlyList<double> parameters, double loss)
    {
        var view = surface.View;
        var x = (parameters[0] - view.XMin) / (view.XMax - view.XMin) * Size;
        var y = surface.Dimension == 1
            ? Size - 8 - loss / LossTop(surface) * (Size - 16)
            : (view.YMax - parameters[1]) / (view.YMax - view.YMin) * Size;
        return (Math.Clamp(x, -2 * Size, 3 * Size), Math.Clamp(y, -2 * Size, 3 * Size));
    }

    private static double LossTop(Surface surface)
    {
        var edge = Math.Max(Math.Abs(surface.View.XMin), Math.Abs(surface.View.XMax));
        return Math.Max(surface.Value([edge]), 1e-9);
    }

    private static string Num(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
