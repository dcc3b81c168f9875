namespace LrLab.Core.Diagnosis;

/// <summary>What to try next.</summary>
/// <param name="Action">Raise, lower or keep the rate.</param>
/// <param name="Factor">Multiply the current rate by this first (below 1 to lower it, 1 to keep it).</param>
/// <param name="Rates">With a known current rate: the concrete rates to try, best first (rate × each factor); otherwise null.</param>
/// <param name="Text">The suggestion in words.</param>
public sealed record Suggestion(SuggestedAction Action, double Factor, IReadOnlyList<double>? Rates, string Text);
