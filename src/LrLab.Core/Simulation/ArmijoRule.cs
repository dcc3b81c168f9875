using LrLab.Core.LineSearch;
using LrLab.Core.Surfaces;
using LrLab.Core.Theory;

namespace LrLab.Core.Simulation;

/// <summary>
/// Backtracking line search as a step rule: each update tries the schedule's rate α₀ along −∇L and shortens it until
/// the Armijo condition holds (<see cref="BacktrackingLineSearch.Search"/>). A simulation lists every update's probes.
/// </summary>
public sealed class ArmijoRule : StepRule
{
    /// <summary>Line search from first trial step <paramref name="lr"/> with <paramref name="options"/> (textbook defaults when null).</summary>
    /// <exception cref="InputException">A rate that is not positive, or Armijo options out of range.</exception>
    public ArmijoRule(double lr, ArmijoOptions? options = null)
    {
        if (!(lr > 0) || !double.IsFinite(lr))
        {
            throw InputException.For("lr", FormattableString.Invariant($"must be positive, got {lr}"));
        }

        Lr = lr;
        Options = (options ?? new ArmijoOptions()).Validate();
    }

    /// <summary>ρ, c and the most probes per update.</summary>
    public ArmijoOptions Options { get; }

    /// <inheritdoc />
    public override string Name => StepRules.LineSearch;

    /// <inheritdoc />
    public override double Lr { get; }

    /// <inheritdoc />
    public override bool AcceptsMetricSchedule => false;

    /// <inheritdoc />
    public override string MetricScheduleRefusal => "ReduceLROnPlateau cannot drive a line search (the search picks its own step lengths); use a closed-form schedule or a fixed-rate optimizer";

    /// <inheritdoc />
    public override RateTheory? Theory(Surface surface)
    {
        ArgumentNullException.ThrowIfNull(surface);
        return RateTheory.LineSearch(surface.Curvature, Name);
    }

    /// <inheritdoc />
    internal override RunOutcome Run<TRecorder>(Surface surface, in RunPlan plan, double lr, double[] theta, ref TRecorder recorder, bool details)
    {
        var stepper = new Stepper(surface, Options, new double[theta.Length], details ? new List<ArmijoStep>(plan.Steps) : null);
        var blowUp = StepLoop.Run(surface, plan, lr, theta, ref stepper, ref recorder);
        return new RunOutcome(blowUp, stepper.Searches);
    }

    private readonly struct Stepper(Surface surface, ArmijoOptions options, double[] next, List<ArmijoStep>? searches) : IStepper
    {
        public List<ArmijoStep>? Searches => searches;

        public void Step(Span<double> theta, ReadOnlySpan<double> gradient, double loss, double lr, int step)
        {
            var search = BacktrackingLineSearch.Search(surface, theta, gradient, loss, lr, options, step, next);
            searches?.Add(search);
            next.CopyTo(theta);
        }
    }
}
