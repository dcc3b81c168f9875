namespace LrLab.Core.Diagnosis;

/// <summary>Which series of a log to read, when the log holds more than one.</summary>
/// <param name="Column">The CSV column, JSON property, W&amp;B metric or TensorBoard tag holding the loss; null picks the loss automatically.</param>
/// <param name="Tag">The TensorBoard tag (or W&amp;B metric) holding the loss; null: <paramref name="Column"/>, else the first tag ending in "loss".</param>
public sealed record LossLogOptions(string? Column = null, string? Tag = null)
{
    /// <summary>Read the loss automatically.</summary>
    public static LossLogOptions Default { get; } = new();

    /// <summary>The series name asked for, by tag first, then by column.</summary>
    internal string? Series => Tag ?? Column;

    /// <summary>The parameter that names the series: <c>tag</c> when a tag was given, else <c>column</c> (for error messages).</summary>
    internal string SeriesParameter => Tag is not null ? "tag" : "column";
}
