namespace LrLab.Core.Training;

/// <summary>Where a training run is, reported to a progress callback.</summary>
/// <param name="Step">Steps done.</param>
/// <param name="TotalSteps">Steps planned.</param>
/// <param name="Loss">Loss of the last step.</param>
public readonly record struct TrainingProgress(int Step, int TotalSteps, float Loss);
