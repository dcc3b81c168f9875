using LrLab.Core.Surfaces;
using LrLab.Core.Theory;

namespace LrLab.Core.Simulation;

/// <summary>
/// How an update turns the gradient into a move: a torch.optim optimizer at the schedule's rate
/// (<see cref="OptimizerRule"/>) or backtracking line search starting from it (<see cref="ArmijoRule"/>).
/// <see cref="StepRules"/> builds one by name; <see cref="Simulator"/> and the sweep run any of them through the one loop.
/// </summary>
public abstract class StepRule
{
    /// <summary>The name on the CLI and in URLs (<c>sgd</c>, <c>adam</c>, <c>linesearch</c>, …).</summary>
    public abstract string Name { get; }

    /// <summary>The base rate a simulation uses (a sweep replaces it by each swept rate).</summary>
    public abstract double Lr { get; }

    /// <summary>
    /// Whether a loss-driven schedule (ReduceLROnPlateau) may drive this rule; when not,
    /// <see cref="Simulator"/> refuses it with <see cref="MetricScheduleRefusal"/>.
    /// </summary>
    public virtual bool AcceptsMetricSchedule => true;

    /// <summary>Why this rule takes no loss-driven schedule (empty when it does).</summary>
    public virtual string MetricScheduleRefusal => string.Empty;

    /// <summary>What the quadratic model says about this rule on <paramref name="surface"/> (null when the curvature is unknown).</summary>
    public abstract RateTheory? Theory(Surface surface);

    /// <summary>The largest rate a crawl may blame on the terrain (see <see cref="RunClassifier"/>), or null.</summary>
    internal virtual double? Ceiling(Surface surface) => null;

    /// <summary>One run of <paramref name="plan"/> from <paramref name="theta"/> at base rate <paramref name="lr"/>, into <paramref name="recorder"/>.</summary>
    internal abstract RunOutcome Run<TRecorder>(Surface surface, in RunPlan plan, double lr, double[] theta, ref TRecorder recorder, bool details)
        where TRecorder : IRunRecorder;
}
