using LrLab.Core.Schedules;

namespace LrLab.Core.Simulation;

/// <summary>What a run does besides the step rule: its length, rate schedule, batch size and noise seed (already validated).</summary>
internal readonly record struct RunPlan(int Steps, ILrSchedule? Schedule, IMetricSchedule? MetricSchedule, int BatchSize, int Seed);
