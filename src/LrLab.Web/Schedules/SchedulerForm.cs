namespace LrLab.Web.Schedules;

/// <summary>The form of one PyTorch scheduler: its class name, what it does, and its parameters in PyTorch's order.</summary>
/// <param name="ClassName">PyTorch's class name, e.g. <c>StepLR</c>.</param>
/// <param name="Summary">One sentence on what the schedule does.</param>
/// <param name="Fields">Its parameters (without the optimizer).</param>
public sealed record SchedulerForm(string ClassName, string Summary, IReadOnlyList<SchedulerField> Fields)
{
    /// <summary>The schedule depends on the losses of a run (ReduceLROnPlateau).</summary>
    public bool NeedsLosses { get; init; }
}
