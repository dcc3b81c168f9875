namespace LrLab.Web.Lab;

/// <summary>One trial step of a line-search update, as the step panel lists it.</summary>
/// <param name="Alpha">The step length tried.</param>
/// <param name="Loss">The loss at θ − α·∇L.</param>
/// <param name="Target">What the Armijo test asks of that loss: at most L(θ) − c·α·|∇L|².</param>
/// <param name="Holds">Whether the loss met the target (the step is taken).</param>
public sealed record TrialRow(double Alpha, double Loss, double Target, bool Holds);
