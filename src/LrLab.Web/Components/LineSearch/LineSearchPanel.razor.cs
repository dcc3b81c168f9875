using System.Globalization;
using LrLab.Core.LineSearch;
using LrLab.Core.Plotting;
using LrLab.Core.Simulation;
using LrLab.Web.Sweep;
using Microsoft.AspNetCore.Components;

namespace LrLab.Web.Components.LineSearch;

/// <summary>The lab's line-search comparison: paths in the parameter plane with one update's probes, and the losses.</summary>
public sealed partial class LineSearchPanel
{
    private LineSearchComparison? _comparison;
    private string? _error;
    private SweepSetup? _computed;
    private int _step = 1;
    private Chart _pathModel = Empty;
    private Chart _lossModel = Empty;

    private static Chart Empty => new(string.Empty, new Axis("x"), new Axis("y"), []);

    /// <summary>The lab's setup (surface, start, steps, the rate to start each search from).</summary>
    [Parameter, EditorRequired]
    public SweepSetup Setup { get; set; } = null!;

    /// <summary>The runs shown (for tests).</summary>
    public LineSearchComparison? Comparison => _comparison;

    private ArmijoStep? Search => _comparison?.Searched.LineSearch is { Count: > 0 } s ? s[Math.Clamp(_step - 1, 0, s.Count - 1)] : null;

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        if (_computed == Setup)
        {
            return;
        }

        _computed = Setup;
        (_comparison, _error) = LineSearchComparison.For(Setup);
        _step = 1;
        Rebuild();
    }

    private void OnStep(ChangeEventArgs e)
    {
        if (int.TryParse(e.Value?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var step))
        {
            _step = step;
            Rebuild();
        }
    }

    private void Rebuild()
    {
        if (_comparison is not { } c)
        {
            return;
        }

        var twoD = c.Searched.Steps[0].Params.Length == 2;
        double X(TrajectoryPoint p) => p.Params[0];
        double Y(TrajectoryPoint p) => twoD ? p.Params[1] : p.Loss;
        var points = new List<ChartPoint>();
        if (Search is { } search)
        {
            foreach (var probe in search.Probes)
            {
                points.Add(new ChartPoint(probe.Params[0], twoD ? probe.Params[1] : probe.Loss, probe.Accepted ? Palette.Of(2) : Palette.Of(1), probe.Accepted ? "accepted" : "rejected"));
            }

            var from = c.Searched.Steps[search.Step - 1];
            points.Add(new ChartPoint(X(from), Y(from), Palette.Black, "before the update"));
        }

        // Keep the view on the searched path: a diverging fixed run would squash it to a dot.
        var xs = c.Searched.Steps.Select(X).Concat(points.Select(p => p.X)).Where(double.IsFinite).ToArray();
        var ys = c.Searched.Steps.Select(Y).Concat(points.Select(p => p.Y)).Where(double.IsFinite).ToArray();
        var (xPad, yPad) = (Pad(xs), Pad(ys));
        _pathModel = new Chart(
            string.Empty, new Axis("x") { Min = xs.Min() - xPad, Max = xs.Max() + xPad }, new Axis(twoD ? "y" : "loss") { Min = ys.Min() - yPad, Max = ys.Max() + yPad }, [
                new ChartSeries($"fixed α = {G(Setup.CurrentLr)}", c.Fixed.Steps.Select(Y).ToArray()) { Color = Palette.Of(1), X = c.Fixed.Steps.Select(X).ToArray(), Markers = true, Width = 1.5 },
                new ChartSeries("line search", c.Searched.Steps.Select(Y).ToArray()) { Color = Palette.Of(0), X = c.Searched.Steps.Select(X).ToArray(), Markers = true },
            ])
        {
            Points = points,
            ShowLegend = true,
        };
        _lossModel = new Chart(
            string.Empty, new Axis("step"), new Axis("loss", Log: c.Searched.Steps.All(p => p.Loss > 0) && c.Fixed.Steps.All(p => !double.IsFinite(p.Loss) || p.Loss > 0))
            {
                // A diverging fixed run would push the line search off the bottom: it leaves through the top instead.
                Max = LossCeiling(c.Searched),
            }, [
                new ChartSeries($"fixed α = {G(Setup.CurrentLr)}", c.Fixed.Steps.Select(p => p.Loss).ToArray()) { Color = Palette.Of(1) },
                new ChartSeries("line search", c.Searched.Steps.Select(p => p.Loss).ToArray()) { Color = Palette.Of(0) },
            ])
        {
            FormatX = x => x.ToString("0", CultureInfo.InvariantCulture),
        };
    }

    private static double? LossCeiling(Trajectory searched)
    {
        var top = searched.Steps.Select(p => p.Loss).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Max();
        return double.IsFinite(top) && top > 0 ? top * 100 : null;
    }

    private static double Pad(double[] values) => values.Length == 0 ? 1 : Math.Max(1e-9, (values.Max() - values.Min()) * 0.08);

    private static string Verdict(Trajectory t) => t.Verdict switch
    {
        LrLab.Core.Verdict.TooSmall => "too small",
        LrLab.Core.Verdict.JustRight => "just right",
        LrLab.Core.Verdict.TooLarge => "too large",
        _ => "inconclusive",
    } + $" ({t.Pattern.ToString().ToLowerInvariant()}), final loss {G(t.FinalLoss)}";

    private static string G(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
}
