using System.Numerics;
using System.Runtime.Intrinsics;

namespace LrLab.Core.Optimizers;

/// <summary>
/// Adagrad (Duchi et al., 2011), mirroring <c>torch.optim.Adagrad</c> (<c>lr_decay</c> 0,
/// <c>weight_decay</c> 0, <c>initial_accumulator_value</c> 0, <c>eps</c> 1e-10, <c>maximize</c>).
/// At step t, with g = ∇L (negated when maximizing) plus weight_decay·θ:
/// <code>
/// clr ← lr / (1 + (t − 1)·lr_decay)
/// s ← s + g²              (s starts at initial_accumulator_value)
/// θ ← θ − clr·g / (√s + eps)
/// </code>
/// </summary>
public sealed class Adagrad : IOptimizer
{
    private const string Sum = "sum";

    private readonly double _lrDecay;
    private readonly double _weightDecay;
    private readonly double _initialAccumulatorValue;
    private readonly double _eps;

    /// <summary>
    /// Builds the optimizer. Throws <see cref="InputException"/> for lr, lr_decay, weight_decay,
    /// initial_accumulator_value or eps below 0.
    /// </summary>
    public Adagrad(OptimizerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Hyperparameter.NonNegative(options.Lr, "lr");
        _lrDecay = Hyperparameter.NonNegative(options.LrDecay ?? OptimizerDefaults.Adagrad["lr_decay"].Number, "lr_decay");
        _weightDecay = Hyperparameter.NonNegative(options.WeightDecay ?? OptimizerDefaults.Adagrad["weight_decay"].Number, "weight_decay");
        _initialAccumulatorValue = Hyperparameter.NonNegative(options.InitialAccumulatorValue ?? OptimizerDefaults.Adagrad["initial_accumulator_value"].Number, "initial_accumulator_value");
        _eps = Hyperparameter.NonNegative(options.Eps ?? OptimizerDefaults.Adagrad["eps"].Number, "eps");
        Options = options with
        {
            LrDecay = _lrDecay,
            WeightDecay = _weightDecay,
            InitialAccumulatorValue = _initialAccumulatorValue,
            Eps = _eps,
        };
    }

    /// <inheritdoc />
    public string Name => "adagrad";

    /// <inheritdoc />
    public OptimizerOptions Options { get; }

    /// <inheritdoc />
    public OptimizerState<T> Init<T>(int size)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // PyTorch creates the accumulator eagerly in the constructor, already filled.
        var state = new OptimizerState<T>(size, Sum);
        state.Buffer(Sum).Fill(TensorOps.Of<T>(_initialAccumulatorValue));
        return state;
    }

    /// <inheritdoc />
    public void Step<T>(Span<T> parameters, ReadOnlySpan<T> gradients, OptimizerState<T> state, double lr)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(state);
        var step = (double)++state.StepCount;
        var negClr = TensorOps.Of<T>(-(lr / (1 + ((step - 1) * _lrDecay))));
        var weightDecay = TensorOps.Of<T>(_weightDecay);
        var eps = TensorOps.Of<T>(_eps);
        var sum = state.Buffer(Sum);

        var i = Simd.Enabled<T>() ? VectorStep(parameters, gradients, sum, negClr, weightDecay, eps) : 0;
        for (; i < parameters.Length; i++)
        {
            var g = EffectiveGradient.Of(gradients[i], parameters[i], weightDecay, Options.Maximize);
            sum[i] = TensorOps.AddCMul(sum[i], g, g, T.One);
            parameters[i] = TensorOps.AddCDiv(parameters[i], g, T.Sqrt(sum[i]) + eps, negClr);
        }
    }

    /// <summary>The scalar loop's arithmetic on whole vectors (<see cref="Simd"/>); returns the first element left for the scalar tail.</summary>
    private int VectorStep<T>(Span<T> parameters, ReadOnlySpan<T> gradients, Span<T> sum, T negClrT, T weightDecayT, T epsT)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var negClr = Vector512.Create(negClrT);
        var weightDecay = Vector512.Create(weightDecayT);
        var eps = Vector512.Create(epsT);
        var decay = !T.IsZero(weightDecayT);
        var maximize = Options.Maximize;
        var width = Simd.Count<T>();
        var i = 0;
        for (; i + width <= parameters.Length; i += width)
        {
            var p = Simd.Load<T>(parameters, i);
            var g = Simd.Gradient(Simd.Load(gradients, i), p, weightDecay, decay, maximize);
            var s = Simd.Fma(g, g, Simd.Load<T>(sum, i));
            Simd.Store(s, sum, i);
            Simd.Store(p + (negClr * g / (Vector512.Sqrt(s) + eps)), parameters, i);
        }

        return i;
    }
}
