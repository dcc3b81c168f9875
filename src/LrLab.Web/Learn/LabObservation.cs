using LrLab.Core.Simulation;

namespace LrLab.Web.Learn;

/// <summary>What the embedded lab saw on its latest run; guided experiments are checked against it.</summary>
/// <param name="Surface">Surface name.</param>
/// <param name="Optimizer">Optimizer name.</param>
/// <param name="Lr">Base learning rate of the run.</param>
/// <param name="Steps">Updates the run made (fewer if it blew up).</param>
/// <param name="StepsToConverge">Updates until converged, or null.</param>
/// <param name="EstimatedStepsToConverge">Extrapolated updates needed when the run stopped short.</param>
/// <param name="Verdict">The run's verdict.</param>
/// <param name="Pattern">The run's pattern.</param>
/// <param name="FinalLoss">Loss at the last finite point.</param>
/// <param name="BatchSize">Mini-batch size (1 on deterministic surfaces).</param>
/// <param name="Schedule">Schedule preset name, or null for a constant rate.</param>
public sealed record LabObservation(
    string Surface,
    string Optimizer,
    double Lr,
    int Steps,
    int? StepsToConverge,
    int? EstimatedStepsToConverge,
    Verdict Verdict,
    Pattern Pattern,
    double FinalLoss,
    int BatchSize = 1,
    string? Schedule = null);
