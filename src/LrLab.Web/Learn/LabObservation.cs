using LrLab.Core;
using LrLab.Core.Schedules;
using LrLab.Web.Lab;

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
    string? Schedule = null)
{
    /// <summary>
    /// What the full lab (<c>Components/Lab/LabView</c>) shows for <paramref name="state"/>: one observation per raced
    /// rate, each a fresh run from the start at that rate, the selected run last (it is the "last run").
    /// </summary>
    public static IReadOnlyList<LabObservation> FromLab(LabState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var session = new LabSession(state);
        var schedule = state.Schedule is null
            ? null
            : SchedulePresets.All.FirstOrDefault(p => ScheduleSpec.Parse(p.Spec).ToSpec() == state.Schedule)?.Name ?? state.Schedule;
        var runs = session.Runs.Where((_, i) => i != session.Selected).Append(session.Current);
        return [.. runs.Select(run => new LabObservation(
            session.Setup.Surface.Name,
            run.Optimizer,
            run.Lr,
            run.LastIndex,
            run.Trajectory.StepsToConverge,
            run.Trajectory.EstimatedStepsToConverge,
            run.Trajectory.Verdict,
            run.Trajectory.Pattern,
            run.Trajectory.FinalLoss,
            session.Setup.BatchSize,
            schedule))];
    }
}
