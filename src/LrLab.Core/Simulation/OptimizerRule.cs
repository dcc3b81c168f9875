using LrLab.Core.Optimizers;
using LrLab.Core.Surfaces;
using LrLab.Core.Theory;

namespace LrLab.Core.Simulation;

/// <summary>A torch.optim optimizer as a step rule: θ moves by the optimizer's update at the schedule's rate.</summary>
public sealed class OptimizerRule : StepRule
{
    /// <summary>Wraps <paramref name="optimizer"/>.</summary>
    public OptimizerRule(IOptimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        Optimizer = optimizer;
    }

    /// <summary>The optimizer.</summary>
    public IOptimizer Optimizer { get; }

    /// <inheritdoc />
    public override string Name => Optimizer.Name;

    /// <inheritdoc />
    public override double Lr => Optimizer.Options.Lr;

    /// <inheritdoc />
    public override RateTheory? Theory(Surface surface) => RateTheory.For(surface, Optimizer);

    /// <inheritdoc />
    internal override double? Ceiling(Surface surface) => RunClassifier.Ceiling(surface, Optimizer);

    /// <inheritdoc />
    internal override RunOutcome Run<TRecorder>(Surface surface, in RunPlan plan, double lr, double[] theta, ref TRecorder recorder, bool details)
    {
        var stepper = new Stepper(Optimizer.Step<double>, Optimizer.Init<double>(theta.Length));
        return new RunOutcome(StepLoop.Run(surface, plan, lr, theta, ref stepper, ref recorder), null);
    }

    private readonly struct Stepper(StepFunction step, OptimizerState<double> state) : IStepper
    {
        public void Step(Span<double> theta, ReadOnlySpan<double> gradient, double loss, double lr, int step1) => step(theta, gradient, state, lr);
    }
}
