using System.Numerics;
using System.Runtime.Intrinsics;

namespace LrLab.Core.Optimizers;

/// <summary>
/// Rectified Adam (Liu et al., 2019), mirroring <c>torch.optim.RAdam</c> (<c>betas</c> 0.9/0.999,
/// <c>eps</c> 1e-8, <c>weight_decay</c> 0; PyTorch 1.13 has no <c>maximize</c>). At step t, with
/// g = ∇L + weight_decay·θ:
/// <code>
/// m ← β₁·m + (1 − β₁)·g;  v ← β₂·v + (1 − β₂)·g²;  m̂ ← m / (1 − β₁ᵗ)
/// ρ∞ ← 2/(1 − β₂) − 1;  ρₜ ← ρ∞ − 2t·β₂ᵗ/(1 − β₂ᵗ)
/// ρₜ &gt; 5: r ← √((ρₜ − 4)(ρₜ − 2)ρ∞ / ((ρ∞ − 4)(ρ∞ − 2)ρₜ));  θ ← θ − m̂·lr·(√(1 − β₂ᵗ)/(√v + eps))·r
/// otherwise (variance not yet tractable): θ ← θ − m̂·lr   (SGD with bias-corrected momentum)
/// </code>
/// </summary>
public sealed class RAdam : IOptimizer
{
    private const string ExpAvg = "exp_avg";
    private const string ExpAvgSq = "exp_avg_sq";

    private readonly double _beta1;
    private readonly double _beta2;
    private readonly double _eps;
    private readonly double _weightDecay;

    /// <summary>
    /// Builds the optimizer. Throws <see cref="InputException"/> for lr, eps or weight_decay below 0,
    /// betas outside [0, 1), and maximize (not a RAdam option in PyTorch 1.13).
    /// </summary>
    public RAdam(OptimizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Hyperparameter.NonNegative(options.Lr, "lr");
        _eps = Hyperparameter.NonNegative(options.Eps ?? OptimizerDefaults.RAdam["eps"].Number, "eps");
        _beta1 = Hyperparameter.Beta(options.Beta1 ?? OptimizerDefaults.RAdam["betas"].Item(0), 0);
        _beta2 = Hyperparameter.Beta(options.Beta2 ?? OptimizerDefaults.RAdam["betas"].Item(1), 1);
        _weightDecay = Hyperparameter.NonNegative(options.WeightDecay ?? OptimizerDefaults.RAdam["weight_decay"].Number, "weight_decay");
        Hyperparameter.NoMaximize(options, "radam");
        Options = options with { Beta1 = _beta1, Beta2 = _beta2, Eps = _eps, WeightDecay = _weightDecay };
    }

    /// <inheritdoc />
    public string Name => "radam";

    /// <inheritdoc />
    public OptimizerOptions Options { get; }

    /// <inheritdoc />
    public OptimizerState<T> Init<T>(int size)
        where T : unmanaged, IFloatingPointIeee754<T> => new(size, ExpAvg, ExpAvgSq);

    /// <inheritdoc />
    public void Step<T>(Span<T> parameters, ReadOnlySpan<T> gradients, OptimizerState<T> state, double lr)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(state);
        var step = (double)++state.StepCount;
        var biasCorrection1 = 1 - Math.Pow(_beta1, step);
        var biasCorrection2 = 1 - Math.Pow(_beta2, step);
        var rhoInf = (2 / (1 - _beta2)) - 1;
        var rhoT = rhoInf - (2 * step * Math.Pow(_beta2, step) / biasCorrection2);
        var rectified = rhoT > 5.0;
        var rect = rectified
            ? TensorOps.Of<T>(Math.Sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT)))
            : T.Zero;
        var biasCorrection2Sqrt = TensorOps.Of<T>(Math.Sqrt(biasCorrection2));

        var bc1 = TensorOps.Of<T>(biasCorrection1);
        var lrT = TensorOps.Of<T>(lr);
        var beta1 = TensorOps.Of<T>(_beta1);
        var beta2 = TensorOps.Of<T>(_beta2);
        var oneMinusBeta1 = TensorOps.Of<T>(1 - _beta1);
        var oneMinusBeta2 = TensorOps.Of<T>(1 - _beta2);
        var eps = TensorOps.Of<T>(_eps);
        var weightDecay = TensorOps.Of<T>(_weightDecay);
        var m = state.Buffer(ExpAvg);
        var v = state.Buffer(ExpAvgSq);

        var i = Simd.Enabled<T>() ? VectorStep(parameters, gradients, m, v, new(beta1, beta2, oneMinusBeta1, oneMinusBeta2, eps, weightDecay, bc1, lrT, biasCorrection2Sqrt, rect), rectified) : 0;
        for (; i < parameters.Length; i++)
        {
            var g = EffectiveGradient.Of(gradients[i], parameters[i], weightDecay, maximize: false);
            m[i] = TensorOps.ScaleAdd(m[i], beta1, g, oneMinusBeta1);
            v[i] = TensorOps.AddCMul(v[i] * beta2, g, g, oneMinusBeta2);
            var update = m[i] / bc1 * lrT;
            if (rectified)
            {
                // Python's float / tensor is tensor.reciprocal() * float, so the reciprocal comes first.
                var adaptiveLr = T.One / (T.Sqrt(v[i]) + eps) * biasCorrection2Sqrt;
                update = update * adaptiveLr * rect;
            }

            parameters[i] -= update;
        }
    }

    /// <summary>The scalar loop's arithmetic on whole vectors (<see cref="Simd"/>); returns the first element left for the scalar tail.</summary>
    private static int VectorStep<T>(Span<T> parameters, ReadOnlySpan<T> gradients, Span<T> m, Span<T> v, Constants<T> c, bool rectified)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var beta1 = Vector512.Create(c.Beta1);
        var beta2 = Vector512.Create(c.Beta2);
        var oneMinusBeta1 = Vector512.Create(c.OneMinusBeta1);
        var oneMinusBeta2 = Vector512.Create(c.OneMinusBeta2);
        var eps = Vector512.Create(c.Eps);
        var weightDecay = Vector512.Create(c.WeightDecay);
        var bc1 = Vector512.Create(c.BiasCorrection1);
        var lr = Vector512.Create(c.Lr);
        var biasCorrection2Sqrt = Vector512.Create(c.BiasCorrection2Sqrt);
        var rect = Vector512.Create(c.Rect);
        var decay = !T.IsZero(c.WeightDecay);
        var width = Simd.Count<T>();
        var i = 0;
        for (; i + width <= parameters.Length; i += width)
        {
            var p = Simd.Load<T>(parameters, i);
            var g = Simd.Gradient(Simd.Load(gradients, i), p, weightDecay, decay, maximize: false);
            var (mi, vi) = Simd.Moments(g, m, v, i, beta1, oneMinusBeta1, beta2, oneMinusBeta2);
            var update = mi / bc1 * lr;
            if (rectified)
            {
                var adaptiveLr = Vector512<T>.One / (Vector512.Sqrt(vi) + eps) * biasCorrection2Sqrt;
                update = update * adaptiveLr * rect;
            }

            Simd.Store(p - update, parameters, i);
        }

        return i;
    }

    /// <summary>One step's scalars in the element type.</summary>
    private readonly record struct Constants<T>(T Beta1, T Beta2, T OneMinusBeta1, T OneMinusBeta2, T Eps, T WeightDecay, T BiasCorrection1, T Lr, T BiasCorrection2Sqrt, T Rect)
        where T : unmanaged, IFloatingPointIeee754<T>;
}
