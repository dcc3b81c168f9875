namespace LrLab.Core.Schedules;

/// <summary>
/// What a metric-driven schedule has learned from the metrics so far (ReduceLROnPlateau's rate, best metric, bad
/// updates and cooldown). An immutable value: <see cref="IMetricSchedule.Next"/> returns the following one.
/// </summary>
/// <param name="Lr">The rate for the next update.</param>
/// <param name="Best">Best metric so far.</param>
/// <param name="Bad">Updates since the last improvement.</param>
/// <param name="CooldownLeft">Updates of cooldown still to run.</param>
public readonly record struct MetricScheduleState(double Lr, double Best, int Bad, int CooldownLeft);
