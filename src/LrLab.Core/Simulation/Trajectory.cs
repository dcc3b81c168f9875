using System.Text.Json.Serialization;
using LrLab.Core.LineSearch;

namespace LrLab.Core.Simulation;

/// <summary>
/// The result of one simulated run, serialized as-is by the CLI.
/// </summary>
/// <param name="Surface">Surface name (or formula).</param>
/// <param name="Optimizer">Optimizer name.</param>
/// <param name="Lr">Base learning rate.</param>
/// <param name="Steps"><c>Steps[0]</c> is the start; <c>Steps[k]</c> the state after k updates.</param>
/// <param name="FinalLoss">Loss at the last finite point.</param>
/// <param name="StepsToConverge">
/// The first update count k from which the gap to the minimum, L(θⱼ) − L*, stays at or below
/// <c>tolerance</c> × (L(θ₀) − L*) for every later j in the run (tolerance 1e-3 by default); <c>null</c> if the run
/// never gets there and stays. L* is the surface's known minimum value, or the lowest loss seen when unknown.
/// </param>
/// <param name="Verdict">too-small / just-right / too-large / inconclusive.</param>
/// <param name="Pattern">crawling / plateau / smooth / oscillating / diverging / nan.</param>
/// <param name="EstimatedStepsToConverge">When the run stopped short, the steps a geometric extrapolation of its last stretch predicts (null if it will not converge).</param>
/// <param name="BlowUpStep">The update at which the loss or the parameters stopped being finite (the run stops there).</param>
/// <param name="Explanation">One or two sentences that explain the verdict from this run's numbers.</param>
public sealed record Trajectory(
    string Surface,
    string Optimizer,
    double Lr,
    IReadOnlyList<TrajectoryPoint> Steps,
    double FinalLoss,
    int? StepsToConverge,
    Verdict Verdict,
    Pattern Pattern,
    int? EstimatedStepsToConverge,
    int? BlowUpStep,
    string Explanation)
{
    /// <summary>
    /// For a line-search run, every update's probes and committed step (<c>LineSearch[k − 1]</c> decided update k);
    /// <c>null</c> (and left out of the JSON) for an optimizer with a fixed rate.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ArmijoStep>? LineSearch { get; init; }
}
