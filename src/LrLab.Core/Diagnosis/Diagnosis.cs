namespace LrLab.Core.Diagnosis;

/// <summary>
/// What a loss log says about the learning rate that produced it, serialized as-is by <c>lrlab diagnose</c>.
/// </summary>
/// <param name="Verdict">too-small / just-right / too-large / inconclusive, the same vocabulary as simulations.</param>
/// <param name="Pattern">crawling / plateau / smooth / oscillating / diverging / nan.</param>
/// <param name="Evidence">The observations the verdict rests on, each with its stretch of the log.</param>
/// <param name="Suggestion">What to try next.</param>
/// <param name="Explanation">The verdict in plain words.</param>
/// <param name="Points">How many values the log holds.</param>
/// <param name="Lr">The rate the log was trained with, when given.</param>
/// <param name="Smoothing">How many consecutive values each smoothed point summarises (1: none).</param>
/// <param name="Smoothed">The curve the rules look at: medians of consecutive blocks of finite values (at most about 100 points).</param>
public sealed record Diagnosis(
    Verdict Verdict,
    Pattern Pattern,
    IReadOnlyList<Evidence> Evidence,
    Suggestion Suggestion,
    string Explanation,
    int Points,
    double? Lr,
    int Smoothing,
    IReadOnlyList<CurvePoint> Smoothed);
