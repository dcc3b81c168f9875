namespace LrLab.Core.Schedules.Spec;

/// <summary>
/// What the binder knows about one PyTorch scheduler class: its name, its parameters in PyTorch's
/// positional order (without the optimizer), and how to build it from bound arguments.
/// </summary>
internal sealed record ScheduleKind(string Name, IReadOnlyList<string> Parameters, Func<BoundArgs, object> Create);
