namespace LrLab.Core.Schedules;

/// <summary>
/// A ready-made schedule recipe (cookbook style: data that the lab shows and a test runs).
/// </summary>
/// <param name="Name">Short id, e.g. <c>step-decay</c>.</param>
/// <param name="Description">One sentence on what it does and when to use it.</param>
/// <param name="Spec">The spec string (PyTorch constructor call without the optimizer).</param>
/// <param name="BaseLr">The optimizer's base rate the recipe is meant for.</param>
/// <param name="Steps">How many updates to show.</param>
public sealed record SchedulePreset(string Name, string Description, string Spec, double BaseLr, int Steps)
{
    /// <summary>Parses <see cref="Spec"/>.</summary>
    public ILrSchedule Parse() => ScheduleSpec.ParseLr(Spec);
}
