namespace LrLab.Core.Schedules;

/// <summary>
/// The result of <see cref="ScheduleSpec.Parse"/>: exactly one of <see cref="Schedule"/> (a pure function
/// of the step) or <see cref="MetricSchedule"/> (ReduceLROnPlateau, which also needs the losses) is set.
/// </summary>
public sealed class ParsedSchedule
{
    internal ParsedSchedule(string className, object schedule)
    {
        ClassName = className;
        Schedule = schedule as ILrSchedule;
        MetricSchedule = schedule as IMetricSchedule;
    }

    /// <summary>The PyTorch class name, e.g. <c>StepLR</c>.</summary>
    public string ClassName { get; }

    /// <summary>The schedule, unless it needs metrics.</summary>
    public ILrSchedule? Schedule { get; }

    /// <summary>The metric-driven schedule (ReduceLROnPlateau), if that is what was parsed.</summary>
    public IMetricSchedule? MetricSchedule { get; }

    /// <summary>True when rates depend on the losses (use <see cref="MetricSchedule"/>).</summary>
    public bool NeedsMetrics => MetricSchedule is not null;

    /// <summary>The last step the schedule accepts (null: no end; see <see cref="ILrSchedule.LastStep"/>).</summary>
    public int? LastStep => Schedule?.LastStep;

    /// <summary>The canonical spec string.</summary>
    public string ToSpec() => Schedule?.ToSpec() ?? MetricSchedule!.ToSpec();

    /// <summary>Python code that builds the scheduler on <c>optimizer</c>.</summary>
    public string ToPython() => Schedule?.ToPython() ?? MetricSchedule!.ToPython();

    /// <inheritdoc/>
    public override string ToString() => ToSpec();
}
