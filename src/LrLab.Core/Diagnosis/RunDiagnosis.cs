
namespace LrLab.Core.Diagnosis;

/// <summary>One run of a <see cref="Comparison"/>: its diagnosis, its place in the ranking, its smoothed curve.</summary>
/// <param name="Source">File name (and run name inside the file).</param>
/// <param name="Lr">The run's rate, from the log or given; null when unknown.</param>
/// <param name="Verdict">The run's verdict.</param>
/// <param name="Pattern">The run's pattern.</param>
/// <param name="Evidence">What the verdict rests on.</param>
/// <param name="Suggestion">What to try next for this run alone.</param>
/// <param name="Explanation">The verdict in words.</param>
/// <param name="Rank">1 for the best run.</param>
/// <param name="FinalLoss">The smoothed loss at the end (null when the run ended in NaN or ∞).</param>
/// <param name="Smoothed">The smoothed curve (for overlaying runs).</param>
public sealed record RunDiagnosis(
    string Source,
    double? Lr,
    Verdict Verdict,
    Pattern Pattern,
    IReadOnlyList<Evidence> Evidence,
    Suggestion Suggestion,
    string Explanation,
    int Rank,
    double? FinalLoss,
    IReadOnlyList<CurvePoint> Smoothed);
