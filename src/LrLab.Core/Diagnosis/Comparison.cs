namespace LrLab.Core.Diagnosis;

/// <summary>Several runs of one model at different rates, diagnosed and ranked (<c>lrlab diagnose A B C</c>).</summary>
/// <param name="Runs">Every run, best first.</param>
/// <param name="Best">The source of the best run; null when none trained (all failed or too short).</param>
/// <param name="Advice">Where to look next, in words ("0.1 diverged, 0.001 crawled, 0.01 was best: try 0.01–0.03").</param>
/// <param name="Range">The rates to try next, low and high, when the runs' rates are known; else null.</param>
public sealed record Comparison(IReadOnlyList<RunDiagnosis> Runs, string? Best, string Advice, IReadOnlyList<double>? Range);
