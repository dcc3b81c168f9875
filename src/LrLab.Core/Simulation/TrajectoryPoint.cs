namespace LrLab.Core.Simulation;

/// <summary>The state after <paramref name="Step"/> updates.</summary>
/// <param name="Step">Number of updates applied so far (0 = the start).</param>
/// <param name="Params">θ after <paramref name="Step"/> updates.</param>
/// <param name="Loss">The exact loss L(θ) at this point.</param>
/// <param name="Lr">The rate the next update uses from here (the schedule's value at this step).</param>
public sealed record TrajectoryPoint(int Step, double[] Params, double Loss, double Lr);
