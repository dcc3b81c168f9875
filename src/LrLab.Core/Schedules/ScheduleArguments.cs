using LrLab.Core.Schedules.Spec;

namespace LrLab.Core.Schedules;

/// <summary>
/// The keyword arguments of a parsed schedule in canonical form (each value as spec text, only those that differ from
/// PyTorch's defaults), so a form can show a spec string field by field.
/// </summary>
public static class ScheduleArguments
{
    /// <summary>
    /// <c>StepLR(step_size=30, gamma=0.5)</c> gives <c>[step_size: "30", gamma: "0.5"]</c>. Nested schedulers of
    /// SequentialLR come back as their own spec text inside one list value.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Of(ParsedSchedule parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var spec = (parsed.Schedule ?? (object?)parsed.MetricSchedule) as IScheduleSpec
            ?? throw new ArgumentException("not one of the built-in schedules", nameof(parsed));
        return [.. spec.SpecArgs().Select(a => new KeyValuePair<string, string>(a.Name, a.Value))];
    }
}
