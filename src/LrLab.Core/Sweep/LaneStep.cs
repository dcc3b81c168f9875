using LrLab.Core.Optimizers;

namespace LrLab.Core.Sweep;

/// <summary>
/// One optimizer update for every rate of a <see cref="RateLanes"/> chunk at once: lane l holds θ and the gradient at
/// <c>[l·n, (l+1)·n)</c> and its rate is <c>rates[l]</c>; lanes whose <c>blowUp</c> is not negative have stopped and
/// are left alone. The optimizers with a lane step of their own (SGD with or without momentum, Adam, AdamW, RMSprop,
/// Adagrad, NAdam, RAdam) write PyTorch's arithmetic out for doubles with the per-step scalars computed once per step;
/// any other <see cref="IOptimizer"/> is stepped one lane at a time through its own <see cref="IOptimizer.Step{T}"/>.
/// </summary>
internal abstract class LaneStep
{
    /// <summary>The lane step for <paramref name="optimizer"/>, with state for <paramref name="lanes"/> × <paramref name="n"/> parameters.</summary>
    public static LaneStep For(IOptimizer optimizer, int lanes, int n) => optimizer switch
    {
        Sgd sgd => new SgdLaneStep(sgd.Options, lanes, n),
        Adam adam => new AdamLaneStep(adam.Options, 0, lanes, n),
        AdamW adamW => new AdamLaneStep(adamW.Options with { WeightDecay = 0 }, Resolved(adamW.Options.WeightDecay), lanes, n),
        RmsProp rmsProp => new RmsPropLaneStep(rmsProp.Options, lanes, n),
        Adagrad adagrad => new AdagradLaneStep(adagrad.Options, lanes, n),
        NAdam nAdam => new NAdamLaneStep(nAdam.Options, lanes, n),
        RAdam rAdam => new RAdamLaneStep(rAdam.Options, lanes, n),
        _ => new OptimizerLaneStep(optimizer, lanes, n),
    };

    /// <summary>
    /// A setting of the optimizer's <see cref="IOptimizer.Options"/>, which its constructor has already filled from
    /// <see cref="OptimizerDefaults"/> where the caller left it out; so a lane step never types a default of its own.
    /// </summary>
    protected static double Resolved(double? setting) =>
        setting ?? throw new InvalidOperationException("an optimizer's options hold every setting once it is constructed");

    /// <summary>Fresh optimizer state for the first <paramref name="lanes"/> lanes (a new chunk of rates).</summary>
    public abstract void Reset(int lanes);

    /// <summary>Update number <paramref name="k"/> (from 1) of every running lane.</summary>
    public abstract void Step(int k, ReadOnlySpan<double> rates, Span<double> theta, ReadOnlySpan<double> gradient, ReadOnlySpan<int> blowUp);
}
