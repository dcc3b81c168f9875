namespace LrLab.Core.Diagnosis;

/// <summary>
/// A parsed loss log: <c>Losses[i]</c> was recorded at <c>Steps[i]</c>. Steps come from the log's
/// <c>step</c>/<c>epoch</c> column when it has one, otherwise they count from 0. Losses may be NaN or ±∞.
/// </summary>
/// <param name="Losses">The loss values in log order.</param>
/// <param name="Steps">The step (or epoch) of each loss, as long as <paramref name="Losses"/>.</param>
/// <param name="Format">What kind of text the log was.</param>
/// <param name="Column">The column, property or tag the losses were taken from (empty for plain numbers).</param>
public sealed record LossLog(IReadOnlyList<double> Losses, IReadOnlyList<double> Steps, LossLogFormat Format, string Column)
{
    /// <summary>
    /// The learning rate in force at each loss (as long as <see cref="Losses"/>; NaN where the log does not say), when
    /// the log records it (HuggingFace's <c>learning_rate</c>, a TensorBoard <c>lr</c> tag, an <c>lr</c> column); else null.
    /// </summary>
    public IReadOnlyList<double>? Rates { get; init; }

    /// <summary>The run's name inside the file, when one file holds several runs (a W&amp;B export); else empty.</summary>
    public string Run { get; init; } = string.Empty;

    /// <summary>A log of plain values at steps 0, 1, 2, …</summary>
    public static LossLog FromValues(IReadOnlyList<double> losses) =>
        new(losses, [.. Enumerable.Range(0, losses.Count).Select(i => (double)i)], LossLogFormat.Lines, string.Empty);

    /// <summary>The highest finite rate the log records (a schedule's peak), or null.</summary>
    public double? PeakRate()
    {
        if (Rates is null)
        {
            return null;
        }

        var peak = double.NaN;
        foreach (var r in Rates)
        {
            if (double.IsFinite(r) && r > 0 && !(r <= peak))
            {
                peak = r;
            }
        }

        return double.IsNaN(peak) ? null : peak;
    }
}
