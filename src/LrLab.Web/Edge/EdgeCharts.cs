using System.Globalization;
using LrLab.Web.Components.Charts;

namespace LrLab.Web.Edge;

/// <summary>The /edge charts as <see cref="ChartModel"/> data: sharpness with each rate's 2/η dashed, and the loss.</summary>
public static class EdgeCharts
{
    /// <summary>Sharpness against step, one solid line with dots per rate and its 2/η dashed in the same colour.</summary>
    public static ChartModel Sharpness(IReadOnlyList<EdgeRun> runs, int steps)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var series = new List<ChartSeries>();
        var top = 0.0;
        foreach (var run in runs)
        {
            var points = run.Sharpness.Where(p => double.IsFinite(p.Value)).ToArray();
            top = Math.Max(top, points.Select(p => p.Value).DefaultIfEmpty(0).Max());
            series.Add(new ChartSeries("sharpness, η = " + EdgeSettings.Rate(run.Lr), run.Color, points.Select(p => p.Value).ToArray())
            {
                X = points.Select(p => (double)p.Step).ToArray(),
                Markers = true,
            });
        }

        var limits = runs.Select(r => 2 / r.Lr).ToArray();
        foreach (var run in runs)
        {
            var limit = 2 / run.Lr;
            series.Add(new ChartSeries(Invariant($"2/η = {limit:G4}"), run.Color, new[] { limit, limit })
            {
                X = new double[] { 0, steps },
                Dashed = true,
                Width = 1.5,
            });
        }

        // Show every 2/η the sharpness could reach; a far-off one (a tiny rate) would flatten the curves, so it is left above the top.
        var reachable = limits.Where(l => top == 0 || l <= 2.5 * top).DefaultIfEmpty(limits.DefaultIfEmpty(1).Min()).Max();
        var max = 1.1 * Math.Max(top, reachable);
        return new ChartModel(series, new ChartAxis("step") { Min = 0, Max = steps }, new ChartAxis("sharpness λmax") { Min = 0, Max = max })
        {
            ShowLegend = true,
            FormatY = v => v.ToString("G3", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Full-batch training loss against step, one line per rate.</summary>
    public static ChartModel Loss(IReadOnlyList<EdgeRun> runs, int steps)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var series = runs.Select(r => new ChartSeries("loss, η = " + EdgeSettings.Rate(r.Lr), r.Color, r.Losses)).ToArray();
        var top = runs.SelectMany(r => r.Losses.ToArray()).Where(double.IsFinite).DefaultIfEmpty(2.5).Max();
        return new ChartModel(series, new ChartAxis("step") { Min = 0, Max = steps }, new ChartAxis("training loss") { Min = 0, Max = Math.Min(1.05 * top, 10) })
        {
            ShowLegend = true,
            FormatY = v => v.ToString("G4", CultureInfo.InvariantCulture),
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
