using System.Globalization;
using LrLab.Core.Diagnosis;
using LrLab.Core.Plotting;

namespace LrLab.Web.LossLogs;

/// <summary>
/// Several runs overlaid: each run's smoothed loss (what the rules compared), coloured by the shared palette, named
/// by its rate and verdict, its rate written at the end of its line. The same data as <c>lrlab diagnose --plot</c>.
/// </summary>
public static class RunsChart
{
    /// <summary>Builds the chart model, runs in the comparison's order (best first).</summary>
    public static Chart Build(Comparison comparison, bool logY)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var series = comparison.Runs.Select((r, i) => new ChartSeries(
            Core.Plotting.Charts.RunLabel(r), r.Smoothed.Select(p => p.Loss).ToArray())
        {
            Color = Palette.Of(i),
            X = r.Smoothed.Select(p => p.Step).ToArray(),
            Markers = r.Smoothed.Count <= 30,
            Width = r.Rank == 1 ? 3 : 2,
            EndLabel = r.Lr is { } lr ? lr.ToString("G3", CultureInfo.InvariantCulture) : null,
        }).ToArray();
        var positive = comparison.Runs.All(r => r.Smoothed.All(p => p.Loss > 0));
        return new Chart(string.Empty, new Axis("step"), new Axis("loss (smoothed)", logY && positive), series) { ShowLegend = true };
    }

    /// <summary>True when the runs' losses span enough to read better on a log axis.</summary>
    public static bool WantsLogY(Comparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var values = comparison.Runs.SelectMany(r => r.Smoothed.Select(p => p.Loss)).Where(v => double.IsFinite(v) && v > 0).ToArray();
        return values.Length > 1 && values.Max() / values.Min() > 50;
    }
}
