using System.Numerics;

namespace LrLab.Core.Optimizers;

/// <summary>
/// Adam (Kingma &amp; Ba, 2014), mirroring <c>torch.optim.Adam</c> (<c>betas</c>, <c>eps</c>,
/// <c>weight_decay</c>, <c>amsgrad</c>, <c>maximize</c>; defaults 0.9, 0.999, 1e-8, 0, false).
/// At step t, with g = ∇L (negated when maximizing) plus weight_decay·θ:
/// <code>
/// m ← β₁·m + (1 − β₁)·g
/// v ← β₂·v + (1 − β₂)·g²
/// v̂ ← max(v̂, v) with amsgrad (PyTorch keeps the max of the raw v, not of a bias-corrected one)
/// denom ← √v (or √v̂) / √(1 − β₂ᵗ) + eps
/// θ ← θ − (lr / (1 − β₁ᵗ))·m / denom
/// </code>
/// eps is added after the bias correction of √v, as PyTorch does, not to √v itself.
/// </summary>
public sealed class Adam : IOptimizer
{
    private const string ExpAvg = "exp_avg";
    private const string ExpAvgSq = "exp_avg_sq";
    private const string MaxExpAvgSq = "max_exp_avg_sq";

    private readonly double _beta1;
    private readonly double _beta2;
    private readonly double _eps;
    private readonly double _weightDecay;

    /// <summary>
    /// Builds the optimizer. Throws <see cref="InputException"/> for lr, eps or weight_decay below 0 and
    /// betas outside [0, 1).
    /// </summary>
    public Adam(OptimizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Hyperparameter.NonNegative(options.Lr, "lr");
        _eps = Hyperparameter.NonNegative(options.Eps ?? OptimizerDefaults.Adam["eps"].Number, "eps");
        _beta1 = Hyperparameter.Beta(options.Beta1 ?? OptimizerDefaults.Adam["betas"].Item(0), 0);
        _beta2 = Hyperparameter.Beta(options.Beta2 ?? OptimizerDefaults.Adam["betas"].Item(1), 1);
        _weightDecay = Hyperparameter.NonNegative(options.WeightDecay ?? OptimizerDefaults.Adam["weight_decay"].Number, "weight_decay");
        Options = options with { Beta1 = _beta1, Beta2 = _beta2, Eps = _eps, WeightDecay = _weightDecay };
    }

    /// <inheritdoc />
    public string Name => "adam";

    /// <inheritdoc />
    public OptimizerOptions Options { get; }

    /// <inheritdoc />
    public OptimizerState<T> Init<T>(int size)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Options.Amsgrad ? new OptimizerState<T>(size, ExpAvg, ExpAvgSq, MaxExpAvgSq) : new OptimizerState<T>(size, ExpAvg, ExpAvgSq);

    /// <inheritdoc />
    public void Step<T>(Span<T> parameters, ReadOnlySpan<T> gradients, OptimizerState<T> state, double lr)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(state);
        var step = (double)++state.StepCount;

        // Python-float scalars, computed in double exactly as PyTorch's non-capturable branch does.
        var biasCorrection1 = 1 - Math.Pow(_beta1, step);
        var biasCorrection2 = 1 - Math.Pow(_beta2, step);
        var negStepSize = TensorOps.Of<T>(-(lr / biasCorrection1));
        var biasCorrection2Sqrt = TensorOps.Of<T>(Math.Sqrt(biasCorrection2));

        var beta1 = TensorOps.Of<T>(_beta1);
        var beta2 = TensorOps.Of<T>(_beta2);
        var oneMinusBeta1 = TensorOps.Of<T>(1 - _beta1);
        var oneMinusBeta2 = TensorOps.Of<T>(1 - _beta2);
        var eps = TensorOps.Of<T>(_eps);
        var weightDecay = TensorOps.Of<T>(_weightDecay);
        var m = state.Buffer(ExpAvg);
        var v = state.Buffer(ExpAvgSq);
        var vMax = Options.Amsgrad ? state.Buffer(MaxExpAvgSq) : [];

        for (var i = 0; i < parameters.Length; i++)
        {
            var g = EffectiveGradient.Of(gradients[i], parameters[i], weightDecay, Options.Maximize);
            m[i] = TensorOps.ScaleAdd(m[i], beta1, g, oneMinusBeta1);
            v[i] = TensorOps.AddCMul(v[i] * beta2, g, g, oneMinusBeta2);
            T second;
            if (Options.Amsgrad)
            {
                vMax[i] = T.Max(vMax[i], v[i]);
                second = vMax[i];
            }
            else
            {
                second = v[i];
            }

            var denom = (T.Sqrt(second) / biasCorrection2Sqrt) + eps;
            parameters[i] = TensorOps.AddCDiv(parameters[i], m[i], denom, negStepSize);
        }
    }
}
