namespace LrLab.Web.Learn;

/// <summary>What a "predict, then run" experiment measured: the index of the right choice and the numbers, in words.</summary>
/// <param name="Correct">Index into <see cref="Prediction.Choices"/>.</param>
/// <param name="Result">The engine's numbers, e.g. "x reached +2.41 before turning back".</param>
public sealed record PredictionOutcome(int Correct, string Result);
