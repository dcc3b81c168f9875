using System.Globalization;
using LrLab.Core.Plotting;

namespace LrLab.Web.Edge;

/// <summary>The /edge charts as <see cref="Chart"/> data: sharpness with each rate's 2/η dashed, and the loss.</summary>
public static class EdgeCharts
{
    /// <summary>Sharpness against step, one solid line with dots per rate and its 2/η dashed in the same colour.</summary>
    public static Chart Sharpness(IReadOnlyList<EdgeRun> runs, int steps)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var series = new List<ChartSeries>();
        var top = 0.0;
        foreach (var run in runs)
        {
            var points = run.Sharpness.Where(p => double.IsFinite(p.Value)).ToArray();
            top = Math.Max(top, points.Select(p => p.Value).DefaultIfEmpty(0).Max());
            series.Add(new ChartSeries("sharpness, η = " + EdgeSettings.Rate(run.Lr), points.Select(p => p.Value).ToArray())
            {
                Color = run.Color,
                X = points.Select(p => (double)p.Step).ToArray(),
                Markers = true,
            });
        }

        var limits = runs.Select(r => 2 / r.Lr).ToArray();
        foreach (var run in runs)
        {
            var limit = 2 / run.Lr;
            series.Add(new ChartSeries(Invariant($"2/η = {limit:G4}"), new[] { limit, limit })
            {
                Color = run.Color,
                X = new double[] { 0, steps },
                Dashed = true,
                Width = 1.5,
            });
        }

        // Show every 2/η the sharpness could reach; a far-off one (a tiny rate) would flatten the curves, so it is left above the top.
        var reachable = limits.Where(l => top == 0 || l <= 2.5 * top).DefaultIfEmpty(limits.DefaultIfEmpty(1).Min()).Max();
        var max = 1.1 * Math.Max(top, reachable);
        return new Chart(string.Empty, new Axis("step") { Min = 0, Max = steps }, new Axis("sharpness λmax") { Min = 0, Max = max }, series)
        {
            ShowLegend = true,
            FormatY = v => v.ToString("G3", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Full-batch training loss against step, one line per rate.</summary>
    public static Chart Loss(IReadOnlyList<EdgeRun> runs, int steps)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var series = runs.Select(r => new ChartSeries("loss, η = " + EdgeSettings.Rate(r.Lr), r.Losses) { Color = r.Color }).ToArray();
        var top = runs.SelectMany(r => r.Losses.ToArray()).Where(double.IsFinite).DefaultIfEmpty(2.5).Max();
        return new Chart(string.Empty, new Axis("step") { Min = 0, Max = steps }, new Axis("training loss") { Min = 0, Max = Math.Min(1.05 * top, 10) }, series)
        {
            ShowLegend = true,
            FormatY = v => v.ToString("G4", CultureInfo.InvariantCulture),
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
