using System.Numerics;
using System.Runtime.Intrinsics;

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
        where T : unmanaged, IFloatingPointIeee754<T> => Step(parameters, gradients, state, lr, null);

    /// <summary>
    /// The update, optionally preceded per element by AdamW's decoupled decay <c>θ ← θ·shrink</c> (PyTorch's
    /// separate <c>param.mul_</c> pass, fused here into the same loop: each element sees the same operations).
    /// </summary>
    internal void Step<T>(Span<T> parameters, ReadOnlySpan<T> gradients, OptimizerState<T> state, double lr, T? shrink)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(state);
        var step = (double)++state.StepCount;

        // Python-float scalars, computed in double exactly as PyTorch's non-capturable branch does.
        var biasCorrection1 = 1 - Math.Pow(_beta1, step);
        var biasCorrection2 = 1 - Math.Pow(_beta2, step);
        var c = new Constants<T>(
            TensorOps.Of<T>(_beta1),
            TensorOps.Of<T>(_beta2),
            TensorOps.Of<T>(1 - _beta1),
            TensorOps.Of<T>(1 - _beta2),
            TensorOps.Of<T>(_eps),
            TensorOps.Of<T>(_weightDecay),
            TensorOps.Of<T>(-(lr / biasCorrection1)),
            TensorOps.Of<T>(Math.Sqrt(biasCorrection2)),
            shrink ?? T.One);
        var m = state.Buffer(ExpAvg);
        var v = state.Buffer(ExpAvgSq);
        var vMax = Options.Amsgrad ? state.Buffer(MaxExpAvgSq) : [];
        var decoupled = shrink.HasValue;

        var i = Simd.Enabled<T>() ? VectorStep(parameters, gradients, m, v, vMax, c, decoupled) : 0;
        for (; i < parameters.Length; i++)
        {
            if (decoupled)
            {
                parameters[i] *= c.Shrink;
            }

            var g = EffectiveGradient.Of(gradients[i], parameters[i], c.WeightDecay, Options.Maximize);
            m[i] = TensorOps.ScaleAdd(m[i], c.Beta1, g, c.OneMinusBeta1);
            v[i] = TensorOps.AddCMul(v[i] * c.Beta2, g, g, c.OneMinusBeta2);
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

            var denom = (T.Sqrt(second) / c.BiasCorrection2Sqrt) + c.Eps;
            parameters[i] = TensorOps.AddCDiv(parameters[i], m[i], denom, c.NegStepSize);
        }
    }

    /// <summary>The scalar loop's arithmetic on whole vectors; returns the first element left for the scalar tail.</summary>
    private int VectorStep<T>(Span<T> parameters, ReadOnlySpan<T> gradients, Span<T> m, Span<T> v, Span<T> vMax, Constants<T> c, bool decoupled)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var beta1 = Vector512.Create(c.Beta1);
        var beta2 = Vector512.Create(c.Beta2);
        var oneMinusBeta1 = Vector512.Create(c.OneMinusBeta1);
        var oneMinusBeta2 = Vector512.Create(c.OneMinusBeta2);
        var eps = Vector512.Create(c.Eps);
        var weightDecay = Vector512.Create(c.WeightDecay);
        var negStepSize = Vector512.Create(c.NegStepSize);
        var biasCorrection2Sqrt = Vector512.Create(c.BiasCorrection2Sqrt);
        var shrink = Vector512.Create(c.Shrink);
        var decay = !T.IsZero(c.WeightDecay);
        var maximize = Options.Maximize;
        var amsgrad = Options.Amsgrad;
        var width = Simd.Count<T>();
        var i = 0;
        for (; i + width <= parameters.Length; i += width)
        {
            var p = Simd.Load<T>(parameters, i);
            if (decoupled)
            {
                p *= shrink;
            }

            var g = Simd.Gradient(Simd.Load(gradients, i), p, weightDecay, decay, maximize);
            var (mi, vi) = Simd.Moments(g, m, v, i, beta1, oneMinusBeta1, beta2, oneMinusBeta2);
            if (amsgrad)
            {
                vi = Vector512.Max(Simd.Load<T>(vMax, i), vi);
                Simd.Store(vi, vMax, i);
            }

            var denom = (Vector512.Sqrt(vi) / biasCorrection2Sqrt) + eps;
            Simd.Store(p + (negStepSize * mi / denom), parameters, i);
        }

        return i;
    }

    /// <summary>One step's scalars in the element type.</summary>
    private readonly record struct Constants<T>(T Beta1, T Beta2, T OneMinusBeta1, T OneMinusBeta2, T Eps, T WeightDecay, T NegStepSize, T BiasCorrection2Sqrt, T Shrink)
        where T : unmanaged, IFloatingPointIeee754<T>;
}
