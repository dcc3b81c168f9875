using LrLab.Core.Schedules;

namespace LrLab.Cli.Commands;

/// <summary>Parses a `--schedule`/SPEC string into the closed-form or the loss-driven kind.</summary>
internal static class ScheduleFlag
{
    public sealed record Parsed(ILrSchedule? Schedule, IMetricSchedule? MetricSchedule);

    public static Parsed Parse(string spec)
    {
        var parsed = ScheduleSpec.Parse(spec);
        return new Parsed(parsed.Schedule, parsed.MetricSchedule);
    }
}
