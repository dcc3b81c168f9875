using LrLab.Core.Simulation;

namespace LrLab.Web.Batch;

/// <summary>One run of the batch-size comparison and what its second half looks like.</summary>
/// <param name="Label">What changed against the baseline, in words.</param>
/// <param name="Batch">Mini-batch size.</param>
/// <param name="Lr">Learning rate.</param>
/// <param name="Noise">Gradient noise per coordinate, 4/√batch.</param>
/// <param name="Run">The simulated run.</param>
/// <param name="EndLoss">Mean loss over the second half of the run (the noise floor once converged).</param>
/// <param name="LossSpread">Standard deviation of the loss over the second half.</param>
/// <param name="Jitter">Mean length of a step over the second half: how much the trail shakes.</param>
public sealed record BatchRun(string Label, int Batch, double Lr, double Noise, Trajectory Run, double EndLoss, double LossSpread, double Jitter);
