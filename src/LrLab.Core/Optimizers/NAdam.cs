using System.Numerics;
using System.Runtime.Intrinsics;

namespace LrLab.Core.Optimizers;

/// <summary>
/// Adam with Nesterov momentum (Dozat, 2016), mirroring <c>torch.optim.NAdam</c> (<c>betas</c> 0.9/0.999,
/// <c>eps</c> 1e-8, <c>weight_decay</c> 0, <c>momentum_decay</c> ψ = 4e-3; PyTorch 1.13 has no
/// <c>maximize</c>). At step t, with g = ∇L + weight_decay·θ:
/// <code>
/// μₜ ← β₁·(1 − ½·0.96^(t·ψ)),  μₜ₊₁ ← β₁·(1 − ½·0.96^((t+1)·ψ))
/// Πₜ ← Πₜ₋₁·μₜ  (mu_product, starts at 1)
/// m ← β₁·m + (1 − β₁)·g;  v ← β₂·v + (1 − β₂)·g²
/// denom ← √(v / (1 − β₂ᵗ)) + eps
/// θ ← θ − lr·(1 − μₜ)/(1 − Πₜ) · g / denom
/// θ ← θ − lr·μₜ₊₁/(1 − Πₜ·μₜ·μₜ₊₁) · m / denom
/// </code>
/// The second product repeats μₜ (Πₜ already contains it): PyTorch 1.13's formula, mirrored as is.
/// </summary>
public sealed class NAdam : IOptimizer
{
    private const string ExpAvg = "exp_avg";
    private const string ExpAvgSq = "exp_avg_sq";
    private const string MuProduct = "mu_product";

    private readonly double _beta1;
    private readonly double _beta2;
    private readonly double _eps;
    private readonly double _weightDecay;
    private readonly double _momentumDecay;

    /// <summary>
    /// Builds the optimizer. Throws <see cref="InputException"/> for lr, eps, weight_decay or
    /// momentum_decay below 0, betas outside [0, 1), and maximize (not an NAdam option in PyTorch 1.13).
    /// </summary>
    public NAdam(OptimizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Hyperparameter.NonNegative(options.Lr, "lr");
        _eps = Hyperparameter.NonNegative(options.Eps ?? OptimizerDefaults.NAdam["eps"].Number, "eps");
        _beta1 = Hyperparameter.Beta(options.Beta1 ?? OptimizerDefaults.NAdam["betas"].Item(0), 0);
        _beta2 = Hyperparameter.Beta(options.Beta2 ?? OptimizerDefaults.NAdam["betas"].Item(1), 1);
        _weightDecay = Hyperparameter.NonNegative(options.WeightDecay ?? OptimizerDefaults.NAdam["weight_decay"].Number, "weight_decay");
        _momentumDecay = Hyperparameter.NonNegative(options.MomentumDecay ?? OptimizerDefaults.NAdam["momentum_decay"].Number, "momentum_decay");
        Hyperparameter.NoMaximize(options, "nadam");
        Options = options with
        {
            Beta1 = _beta1,
            Beta2 = _beta2,
            Eps = _eps,
            WeightDecay = _weightDecay,
            MomentumDecay = _momentumDecay,
        };
    }

    /// <inheritdoc />
    public string Name => "nadam";

    /// <inheritdoc />
    public OptimizerOptions Options { get; }

    /// <inheritdoc />
    public OptimizerState<T> Init<T>(int size)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var state = new OptimizerState<T>(size, ExpAvg, ExpAvgSq);
        state.Scalars[MuProduct] = 1.0;
        return state;
    }

    /// <inheritdoc />
    public void Step<T>(Span<T> parameters, ReadOnlySpan<T> gradients, OptimizerState<T> state, double lr)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(state);
        var step = (double)++state.StepCount;
        var biasCorrection2 = TensorOps.Of<T>(1 - Math.Pow(_beta2, step));
        var mu = _beta1 * (1.0 - (0.5 * Math.Pow(0.96, step * _momentumDecay)));
        var muNext = _beta1 * (1.0 - (0.5 * Math.Pow(0.96, (step + 1) * _momentumDecay)));
        var muProduct = state.Scalars[MuProduct] * mu;
        state.Scalars[MuProduct] = muProduct;
        var muProductNext = muProduct * mu * muNext;
        var gradScale = TensorOps.Of<T>(-lr * (1.0 - mu) / (1.0 - muProduct));
        var momentScale = TensorOps.Of<T>(-lr * muNext / (1.0 - muProductNext));

        var beta1 = TensorOps.Of<T>(_beta1);
        var beta2 = TensorOps.Of<T>(_beta2);
        var oneMinusBeta1 = TensorOps.Of<T>(1 - _beta1);
        var oneMinusBeta2 = TensorOps.Of<T>(1 - _beta2);
        var eps = TensorOps.Of<T>(_eps);
        var weightDecay = TensorOps.Of<T>(_weightDecay);
        var m = state.Buffer(ExpAvg);
        var v = state.Buffer(ExpAvgSq);

        var i = Simd.Enabled<T>() ? VectorStep(parameters, gradients, m, v, new(beta1, beta2, oneMinusBeta1, oneMinusBeta2, eps, weightDecay, biasCorrection2, gradScale, momentScale)) : 0;
        for (; i < parameters.Length; i++)
        {
            var g = EffectiveGradient.Of(gradients[i], parameters[i], weightDecay, maximize: false);
            m[i] = TensorOps.ScaleAdd(m[i], beta1, g, oneMinusBeta1);
            v[i] = TensorOps.AddCMul(v[i] * beta2, g, g, oneMinusBeta2);
            var denom = T.Sqrt(v[i] / biasCorrection2) + eps;
            parameters[i] = TensorOps.AddCDiv(parameters[i], g, denom, gradScale);
            parameters[i] = TensorOps.AddCDiv(parameters[i], m[i], denom, momentScale);
        }
    }

    /// <summary>The scalar loop's arithmetic on whole vectors (<see cref="Simd"/>); returns the first element left for the scalar tail.</summary>
    private static int VectorStep<T>(Span<T> parameters, ReadOnlySpan<T> gradients, Span<T> m, Span<T> v, Constants<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var beta1 = Vector512.Create(c.Beta1);
        var beta2 = Vector512.Create(c.Beta2);
        var oneMinusBeta1 = Vector512.Create(c.OneMinusBeta1);
        var oneMinusBeta2 = Vector512.Create(c.OneMinusBeta2);
        var eps = Vector512.Create(c.Eps);
        var weightDecay = Vector512.Create(c.WeightDecay);
        var biasCorrection2 = Vector512.Create(c.BiasCorrection2);
        var gradScale = Vector512.Create(c.GradScale);
        var momentScale = Vector512.Create(c.MomentScale);
        var decay = !T.IsZero(c.WeightDecay);
        var width = Simd.Count<T>();
        var i = 0;
        for (; i + width <= parameters.Length; i += width)
        {
            var p = Simd.Load<T>(parameters, i);
            var g = Simd.Gradient(Simd.Load(gradients, i), p, weightDecay, decay, maximize: false);
            var (mi, vi) = Simd.Moments(g, m, v, i, beta1, oneMinusBeta1, beta2, oneMinusBeta2);
            var denom = Vector512.Sqrt(vi / biasCorrection2) + eps;
            p += gradScale * g / denom;
            Simd.Store(p + (momentScale * mi / denom), parameters, i);
        }

        return i;
    }

    /// <summary>One step's scalars in the element type.</summary>
    private readonly record struct Constants<T>(T Beta1, T Beta2, T OneMinusBeta1, T OneMinusBeta2, T Eps, T WeightDecay, T BiasCorrection2, T GradScale, T MomentScale)
        where T : unmanaged, IFloatingPointIeee754<T>;
}
