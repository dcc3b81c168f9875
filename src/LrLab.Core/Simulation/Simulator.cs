using System.Globalization;
using LrLab.Core.Optimizers;
using LrLab.Core.Surfaces;

namespace LrLab.Core.Simulation;

/// <summary>Runs an optimizer (optionally under a schedule) over a surface and judges the run.</summary>
public static class Simulator
{
    /// <summary>
    /// Runs <paramref name="options"/>.Steps updates of <paramref name="optimizer"/> on <paramref name="surface"/>.
    /// Never throws for numeric trouble: when the loss or a parameter stops being finite the run stops there
    /// and <see cref="Trajectory.BlowUpStep"/> says where.
    /// </summary>
    /// <exception cref="InputException">Bad steps, start or batch size.</exception>
    public static Trajectory Run(Surface surface, IOptimizer optimizer, SimulationOptions? options = null) =>
        Run(surface, new OptimizerRule(optimizer), options);

    /// <summary>
    /// Runs <paramref name="options"/>.Steps updates of <paramref name="rule"/> (an optimizer or line search) on
    /// <paramref name="surface"/> at the rule's base rate and judges the run. A line-search trajectory lists every
    /// update's probes in <see cref="Trajectory.LineSearch"/>.
    /// </summary>
    /// <exception cref="InputException">Bad steps, start or batch size, or a loss-driven schedule the rule refuses.</exception>
    public static Trajectory Run(Surface surface, StepRule rule, SimulationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentNullException.ThrowIfNull(rule);
        options ??= new SimulationOptions();
        if (options.MetricSchedule is not null && !rule.AcceptsMetricSchedule)
        {
            throw InputException.For("schedule", rule.MetricScheduleRefusal);
        }

        var theta = StartPoint(surface, options.Steps, options.Start, options.BatchSize);
        var recorder = new TrajectoryRecorder(options.Steps);
        var plan = new RunPlan(options.Steps, options.Schedule, options.MetricSchedule, options.BatchSize, options.Seed);
        var outcome = rule.Run(surface, plan, rule.Lr, theta, ref recorder, details: true);
        var trajectory = RunClassifier.Judge(surface, rule.Name, rule.Lr, recorder.Points, outcome.BlowUp, options, rule.Ceiling(surface));
        return outcome.Searches is null ? trajectory : trajectory with { LineSearch = outcome.Searches };
    }

    /// <summary>
    /// Checks a run's length and batch size and the start against <paramref name="surface"/> (the one place a run's
    /// setup is validated); returns a fresh copy of the start point.
    /// </summary>
    /// <exception cref="InputException">Names the parameter: <c>steps</c>, <c>batch_size</c> or <c>start</c>.</exception>
    internal static double[] StartPoint(Surface surface, int steps, IReadOnlyList<double>? start, int batchSize)
    {
        if (steps is < 0 or > SimulationOptions.MaxSteps)
        {
            throw InputException.For("steps", string.Create(CultureInfo.InvariantCulture, $"must be between 0 and {SimulationOptions.MaxSteps}, got {steps}"));
        }

        if (batchSize < 1)
        {
            throw InputException.For("batch_size", string.Create(CultureInfo.InvariantCulture, $"must be a positive integer, got {batchSize}"));
        }

        return surface.StartFrom(start);
    }
}
