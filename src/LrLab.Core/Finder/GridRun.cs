namespace LrLab.Core.Finder;

/// <summary>One rate of a coarse grid, trained for a fixed budget from the same start as the others.</summary>
/// <param name="Lr">The constant learning rate.</param>
/// <param name="Steps">Mini-batches trained (fewer than planned if the loss blew up).</param>
/// <param name="FinalTrainLoss">Mean mini-batch loss over the last tenth of the steps (NaN after a blow-up).</param>
/// <param name="TestLoss">Mean loss on held-out data, when the target has some.</param>
/// <param name="TestAccuracy">Accuracy on held-out data, when the target has some.</param>
/// <param name="Diverged">True when the loss stopped being finite.</param>
public sealed record GridRun(double Lr, int Steps, double FinalTrainLoss, double? TestLoss, double? TestAccuracy, bool Diverged);
