using LrLab.Core.Simulation;

namespace LrLab.Core.Sweep;

/// <summary>One rate of a sweep: the outcome of the same run <see cref="Simulator.Run(Surfaces.Surface, StepRule, SimulationOptions?)"/> would make at this rate.</summary>
/// <param name="Lr">The base learning rate.</param>
/// <param name="FinalLoss">Loss at the last finite point of the run.</param>
/// <param name="StepsToConverge">As <see cref="Trajectory.StepsToConverge"/>: <c>null</c> when the run never converged.</param>
/// <param name="Verdict">too-small / just-right / too-large / inconclusive.</param>
/// <param name="Pattern">crawling / plateau / smooth / oscillating / diverging / nan.</param>
public sealed record SweepRow(double Lr, double FinalLoss, int? StepsToConverge, Verdict Verdict, Pattern Pattern);
