using System.Globalization;
using LrLab.Core.Training;

namespace LrLab.Core.Plotting;

/// <summary>
/// A training run seen from the edge of stability: the loss and the sharpness against the step on one linear axis,
/// with the level 2/η dashed (gradient descent at rate η is stable along a direction of curvature λ only while
/// λ &lt; 2/η). The loss of step k is the loss at the weights after k updates, like the sharpness.
/// </summary>
public static class EdgeChart
{
    /// <summary>The chart of <paramref name="run"/>; without sharpness measurements it shows the loss alone.</summary>
    public static Chart For(TrainingResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var series = new List<ChartSeries>
        {
            new("training loss", run.Losses.Select(v => (double)v).ToArray()),
        };
        if (run.Sharpness.Count > 0)
        {
            series.Add(new ChartSeries("sharpness λmax", run.Sharpness.Select(p => (double)p.Step).ToArray(), run.Sharpness.Select(p => p.Value).ToArray(), markers: run.Sharpness.Count <= 60));
            var last = Math.Max(run.Steps, run.Sharpness[^1].Step);
            series.Add(new ChartSeries(Level(run.Lr), new double[] { 0, last }, new[] { 2 / run.Lr, 2 / run.Lr }) { Dashed = true });
        }

        var kind = run.BatchSize >= run.TrainSamples ? "full-batch GD" : $"batch {run.BatchSize}";
        var title = string.Create(CultureInfo.InvariantCulture, $"{run.Model} on {run.TrainSamples} digits, {kind}, {run.Optimizer} lr {run.Lr:G4}");
        return new Chart(title, new Axis("step"), new Axis("loss and sharpness", Min: 0), series);
    }

    /// <summary>The legend text of the stability level, e.g. <c>2/η = 4</c>.</summary>
    public static string Level(double lr) => string.Create(CultureInfo.InvariantCulture, $"2/η = {2 / lr:G4}");
}
