using System.Numerics;

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

        for (var i = 0; i < parameters.Length; i++)
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
}
