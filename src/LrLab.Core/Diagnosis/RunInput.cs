namespace LrLab.Core.Diagnosis;

/// <summary>One run to compare: where it came from, its log, and its rate when the log does not record it.</summary>
/// <param name="Source">File name (and run name inside the file) shown in the result.</param>
/// <param name="Log">The parsed log.</param>
/// <param name="Lr">The run's rate, if given (otherwise the highest rate the log records, if any).</param>
public sealed record RunInput(string Source, LossLog Log, double? Lr = null);
