namespace LrLab.Web.Learn;

/// <summary>One trial of a backtracking line search: the step size tried, the loss there, and whether it was kept.</summary>
/// <param name="Update">Which update (1-based) the trial belongs to.</param>
/// <param name="StepSize">The α tried.</param>
/// <param name="Loss">Loss at θ − α·∇L(θ).</param>
/// <param name="Target">The most the Armijo condition allows: L(θ) − c·α·‖∇L(θ)‖².</param>
/// <param name="Accepted">True for the trial the update committed to.</param>
public sealed record LineSearchTrial(int Update, double StepSize, double Loss, double Target, bool Accepted);
