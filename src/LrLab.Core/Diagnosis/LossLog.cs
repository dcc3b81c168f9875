namespace LrLab.Core.Diagnosis;

/// <summary>
/// A parsed loss log: <c>Losses[i]</c> was recorded at <c>Steps[i]</c>. Steps come from the log's
/// <c>step</c>/<c>epoch</c> column when it has one, otherwise they count from 0. Losses may be NaN or ±∞.
/// </summary>
/// <param name="Losses">The loss values in log order.</param>
/// <param name="Steps">The step (or epoch) of each loss, as long as <paramref name="Losses"/>.</param>
/// <param name="Format">What kind of text the log was.</param>
/// <param name="Column">The column or property the losses were taken from (empty for plain numbers).</param>
public sealed record LossLog(IReadOnlyList<double> Losses, IReadOnlyList<double> Steps, LossLogFormat Format, string Column)
{
    /// <summary>A log of plain values at steps 0, 1, 2, …</summary>
    public static LossLog FromValues(IReadOnlyList<double> losses) =>
        new(losses, [.. Enumerable.Range(0, losses.Count).Select(i => (double)i)], LossLogFormat.Lines, string.Empty);
}
