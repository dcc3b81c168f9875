namespace LrLab.Core.Schedules;

/// <summary>
/// A schedule that also depends on the losses seen so far (<c>ReduceLROnPlateau</c>). Still a pure
/// function: the same losses give the same rates.
/// </summary>
public interface IMetricSchedule
{
    /// <summary>
    /// The rate for update <paramref name="step"/>, given the metrics passed to <c>scheduler.step(metric)</c>
    /// after each of the updates before it (<paramref name="metrics"/>[i] after update i; only the first
    /// <paramref name="step"/> entries are read).
    /// </summary>
    double At(int step, double baseLr, ReadOnlySpan<double> metrics);

    /// <summary>The state before any metric: its <see cref="MetricScheduleState.Lr"/> is the rate of update 0.</summary>
    MetricScheduleState Begin(double baseLr);

    /// <summary>
    /// Folds in the metric seen after one more update. Folding metrics[0 … step − 1] from <see cref="Begin"/> gives
    /// the rate <see cref="At"/> returns for <c>step</c>, in constant time per update instead of replaying the history
    /// (which made long runs quadratic: 10,000 updates replayed 50 million metrics).
    /// </summary>
    MetricScheduleState Next(MetricScheduleState state, double metric);

    /// <summary>The spec string, parseable back.</summary>
    string ToSpec();

    /// <summary>Python code that builds this scheduler on an optimizer named <c>optimizer</c>.</summary>
    string ToPython();
}
