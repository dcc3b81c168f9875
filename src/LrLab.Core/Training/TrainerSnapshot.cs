using LrLab.Core.Optimizers;

namespace LrLab.Core.Training;

/// <summary>
/// Everything a <see cref="Trainer"/> needs to resume exactly where it was: the weights, the optimizer's
/// buffers and step count, and how many mini-batches had been drawn (which fixes the data order).
/// Immutable once taken; <see cref="Trainer.Restore"/> copies out of it, so it can be restored many times.
/// </summary>
/// <param name="Parameters">Copy of the flat weights.</param>
/// <param name="OptimizerState">Copy of the optimizer state.</param>
/// <param name="Steps">Mini-batches taken so far.</param>
public sealed record TrainerSnapshot(float[] Parameters, OptimizerState<float> OptimizerState, long Steps);
