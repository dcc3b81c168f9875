using System.Numerics;

namespace LrLab.Core.Optimizers;

/// <summary>
/// Adam with decoupled weight decay (Loshchilov &amp; Hutter, 2017), mirroring <c>torch.optim.AdamW</c>
/// (defaults betas 0.9/0.999, eps 1e-8, weight_decay 0.01, amsgrad false). Each step first shrinks
/// the parameters, then applies the plain <see cref="Adam"/> update with no L2 term in the gradient:
/// <code>
/// θ ← θ·(1 − lr·weight_decay)
/// θ ← Adam step (m, v, optional amsgrad max, bias corrections) on the unmodified gradient
/// </code>
/// Composed from an inner <see cref="Adam"/> rather than derived from it.
/// </summary>
public sealed class AdamW : IOptimizer
{
    private readonly Adam _adam;
    private readonly double _weightDecay;

    /// <summary>
    /// Builds the optimizer. Throws <see cref="InputException"/> for lr, eps or weight_decay below 0 and
    /// betas outside [0, 1).
    /// </summary>
    public AdamW(OptimizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _weightDecay = Hyperparameter.NonNegative(options.WeightDecay ?? OptimizerDefaults.AdamW["weight_decay"].Number, "weight_decay");
        _adam = new Adam(options with
        {
            Beta1 = options.Beta1 ?? OptimizerDefaults.AdamW["betas"].Item(0),
            Beta2 = options.Beta2 ?? OptimizerDefaults.AdamW["betas"].Item(1),
            Eps = options.Eps ?? OptimizerDefaults.AdamW["eps"].Number,
            WeightDecay = 0,
        });
        Options = _adam.Options with { WeightDecay = _weightDecay };
    }

    /// <inheritdoc />
    public string Name => "adamw";

    /// <inheritdoc />
    public OptimizerOptions Options { get; }

    /// <inheritdoc />
    public OptimizerState<T> Init<T>(int size)
        where T : unmanaged, IFloatingPointIeee754<T> => _adam.Init<T>(size);

    /// <inheritdoc />
    public void Step<T>(Span<T> parameters, ReadOnlySpan<T> gradients, OptimizerState<T> state, double lr)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // param.mul_(1 - lr * weight_decay): the factor is a Python float, rounded once; the inner Adam applies
        // it to each element just before that element's update, one pass instead of two.
        _adam.Step(parameters, gradients, state, lr, TensorOps.Of<T>(1 - (lr * _weightDecay)));
    }
}
