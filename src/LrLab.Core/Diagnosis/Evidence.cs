namespace LrLab.Core.Diagnosis;

/// <summary>
/// One observation a <see cref="Diagnosis"/> rests on, with the stretch of the log it comes from.
/// </summary>
/// <param name="Kind">What was observed.</param>
/// <param name="Finding">The observation in words, with its numbers ("loss rose 15× within 20 steps").</param>
/// <param name="FromStep">First step of the stretch, in the log's own step numbering.</param>
/// <param name="ToStep">Last step of the stretch.</param>
/// <param name="FromIndex">Index of the first value of the stretch in the log (0-based, for charts).</param>
/// <param name="ToIndex">Index of the last value of the stretch.</param>
public sealed record Evidence(EvidenceKind Kind, string Finding, double FromStep, double ToStep, int FromIndex, int ToIndex);
