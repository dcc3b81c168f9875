using System.Numerics;
using System.Runtime.Intrinsics;

namespace LrLab.Core.Optimizers;

/// <summary>
/// RMSprop (Hinton's lecture 6e), mirroring <c>torch.optim.RMSprop</c> (<c>alpha</c> 0.99, <c>eps</c> 1e-8,
/// <c>weight_decay</c> 0, <c>momentum</c> 0, <c>centered</c> false, <c>maximize</c>). With g = ∇L
/// (negated when maximizing) plus weight_decay·θ:
/// <code>
/// s ← α·s + (1 − α)·g²
/// centered: a ← α·a + (1 − α)·g;  r ← √(s − a²) + eps
/// otherwise: r ← √s + eps
/// momentum μ &gt; 0: b ← μ·b + g / r;  θ ← θ − lr·b
/// otherwise: θ ← θ − lr·g / r
/// </code>
/// eps sits outside the square root, as in PyTorch (TensorFlow puts it inside).
/// </summary>
public sealed class RmsProp : IOptimizer
{
    private const string SquareAvg = "square_avg";
    private const string GradAvg = "grad_avg";
    private const string MomentumBuffer = "momentum_buffer";

    private readonly double _alpha;
    private readonly double _eps;
    private readonly double _momentum;
    private readonly double _weightDecay;

    /// <summary>
    /// Builds the optimizer. Throws <see cref="InputException"/> for lr, eps, momentum, weight_decay or
    /// alpha below 0.
    /// </summary>
    public RmsProp(OptimizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Hyperparameter.NonNegative(options.Lr, "lr");
        _eps = Hyperparameter.NonNegative(options.Eps ?? OptimizerDefaults.RmsProp["eps"].Number, "eps");
        _momentum = Hyperparameter.NonNegative(options.Momentum ?? OptimizerDefaults.RmsProp["momentum"].Number, "momentum");
        _weightDecay = Hyperparameter.NonNegative(options.WeightDecay ?? OptimizerDefaults.RmsProp["weight_decay"].Number, "weight_decay");
        _alpha = Hyperparameter.NonNegative(options.Alpha ?? OptimizerDefaults.RmsProp["alpha"].Number, "alpha");
        Options = options with { Alpha = _alpha, Eps = _eps, Momentum = _momentum, WeightDecay = _weightDecay };
    }

    /// <inheritdoc />
    public string Name => "rmsprop";

    /// <inheritdoc />
    public OptimizerOptions Options { get; }

    /// <inheritdoc />
    public OptimizerState<T> Init<T>(int size)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        new(size, [SquareAvg, .. Options.Centered ? [GradAvg] : Array.Empty<string>(), .. _momentum > 0 ? [MomentumBuffer] : Array.Empty<string>()]);

    /// <inheritdoc />
    public void Step<T>(Span<T> parameters, ReadOnlySpan<T> gradients, OptimizerState<T> state, double lr)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(state);
        state.StepCount++;
        var alpha = TensorOps.Of<T>(_alpha);
        var oneMinusAlpha = TensorOps.Of<T>(1 - _alpha);
        var eps = TensorOps.Of<T>(_eps);
        var momentum = TensorOps.Of<T>(_momentum);
        var weightDecay = TensorOps.Of<T>(_weightDecay);
        var negLr = TensorOps.Of<T>(-lr);
        var squareAvg = state.Buffer(SquareAvg);
        var gradAvg = Options.Centered ? state.Buffer(GradAvg) : [];
        var buffer = _momentum > 0 ? state.Buffer(MomentumBuffer) : [];

        var i = Simd.Enabled<T>() ? VectorStep(parameters, gradients, squareAvg, gradAvg, buffer, alpha, oneMinusAlpha, eps, momentum, weightDecay, negLr) : 0;
        for (; i < parameters.Length; i++)
        {
            var g = EffectiveGradient.Of(gradients[i], parameters[i], weightDecay, Options.Maximize);
            squareAvg[i] = TensorOps.AddCMul(squareAvg[i] * alpha, g, g, oneMinusAlpha);
            T avg;
            if (Options.Centered)
            {
                gradAvg[i] = TensorOps.ScaleAdd(gradAvg[i], alpha, g, oneMinusAlpha);

                // square_avg.addcmul(grad_avg, grad_avg, value=-1).sqrt_()
                avg = T.Sqrt(TensorOps.AddCMul(squareAvg[i], gradAvg[i], gradAvg[i], -T.One));
            }
            else
            {
                avg = T.Sqrt(squareAvg[i]);
            }

            avg += eps;
            if (_momentum > 0)
            {
                buffer[i] = TensorOps.AddCDiv(buffer[i] * momentum, g, avg, T.One);
                parameters[i] = TensorOps.Add(parameters[i], buffer[i], negLr);
            }
            else
            {
                parameters[i] = TensorOps.AddCDiv(parameters[i], g, avg, negLr);
            }
        }
    }

    /// <summary>The scalar loop's arithmetic on whole vectors (<see cref="Simd"/>); returns the first element left for the scalar tail.</summary>
    private int VectorStep<T>(Span<T> parameters, ReadOnlySpan<T> gradients, Span<T> squareAvg, Span<T> gradAvg, Span<T> buffer, T alphaT, T oneMinusAlphaT, T epsT, T momentumT, T weightDecayT, T negLrT)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var alpha = Vector512.Create(alphaT);
        var oneMinusAlpha = Vector512.Create(oneMinusAlphaT);
        var eps = Vector512.Create(epsT);
        var momentum = Vector512.Create(momentumT);
        var weightDecay = Vector512.Create(weightDecayT);
        var negLr = Vector512.Create(negLrT);
        var decay = !T.IsZero(weightDecayT);
        var maximize = Options.Maximize;
        var centered = Options.Centered;
        var heavyBall = _momentum > 0;
        var width = Simd.Count<T>();
        var i = 0;
        for (; i + width <= parameters.Length; i += width)
        {
            var p = Simd.Load<T>(parameters, i);
            var g = Simd.Gradient(Simd.Load(gradients, i), p, weightDecay, decay, maximize);
            var s = Simd.Fma(oneMinusAlpha * g, g, Simd.Load<T>(squareAvg, i) * alpha);
            Simd.Store(s, squareAvg, i);
            Vector512<T> avg;
            if (centered)
            {
                var a = Simd.Fma(oneMinusAlpha, g, Simd.Load<T>(gradAvg, i) * alpha);
                Simd.Store(a, gradAvg, i);
                avg = Vector512.Sqrt(Simd.Fma(-a, a, s));
            }
            else
            {
                avg = Vector512.Sqrt(s);
            }

            avg += eps;
            if (heavyBall)
            {
                var b = (Simd.Load<T>(buffer, i) * momentum) + (g / avg);
                Simd.Store(b, buffer, i);
                Simd.Store(Simd.Fma(negLr, b, p), parameters, i);
            }
            else
            {
                Simd.Store(p + (negLr * g / avg), parameters, i);
            }
        }

        return i;
    }
}
