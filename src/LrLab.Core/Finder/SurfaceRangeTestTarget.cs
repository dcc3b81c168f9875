using System.Globalization;
using LrLab.Core.Optimizers;
using LrLab.Core.Surfaces;

namespace LrLab.Core.Finder;

/// <summary>
/// A loss surface as a range-test target: each "mini-batch" is one gradient step from the current point.
/// On a stochastic surface (<c>noisy-bowl</c>) the gradient carries the noise of a batch of
/// <c>batchSize</c> examples, drawn from a <see cref="Random"/> seeded with <c>seed</c>; the recorded
/// loss is the exact loss before the step.
/// </summary>
public sealed class SurfaceRangeTestTarget : IRangeTestTarget
{
    private readonly Surface _surface;
    private readonly IOptimizer _optimizer;
    private readonly double[] _theta;
    private readonly double[] _gradient;
    private readonly Random _random;
    private readonly int _batchSize;
    private OptimizerState<double> _state;

    /// <summary>Starts at <paramref name="start"/> (default: the surface's own start) with fresh optimizer state.</summary>
    /// <exception cref="InputException">A start of the wrong dimension or with non-finite values, or a batch size below 1.</exception>
    public SurfaceRangeTestTarget(Surface surface, IOptimizer optimizer, IReadOnlyList<double>? start = null, int batchSize = 1, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentNullException.ThrowIfNull(optimizer);
        var theta = surface.StartFrom(start);
        if (batchSize < 1)
        {
            throw InputException.For("batch_size", string.Create(CultureInfo.InvariantCulture, $"must be a positive integer, got {batchSize}"));
        }

        _surface = surface;
        _optimizer = optimizer;
        _theta = theta;
        _gradient = new double[_theta.Length];
        _random = new Random(seed);
        _batchSize = batchSize;
        _state = optimizer.Init<double>(_theta.Length);
    }

    /// <inheritdoc />
    public string Name => _surface.Name;

    /// <inheritdoc />
    public string OptimizerName => _optimizer.Name;

    /// <inheritdoc />
    public int ParameterCount => _theta.Length;

    /// <summary>The current point.</summary>
    public ReadOnlySpan<double> Parameters => _theta;

    /// <summary>The exact loss at the current point.</summary>
    public double Loss => _surface.Value(_theta);

    /// <summary>The optimizer's current buffers (PyTorch's <c>state[p]</c>).</summary>
    public OptimizerState<double> State => _state;

    /// <inheritdoc />
    public double TrainStep(double lr)
    {
        var loss = _surface.SampleGradient(_theta, _gradient, _random, _batchSize);
        _optimizer.Step<double>(_theta, _gradient, _state, lr);
        return loss;
    }

    /// <inheritdoc />
    public IRangeTestSnapshot Snapshot() => new PointSnapshot(this, [.. _theta], _state.Clone());

    private sealed class PointSnapshot(SurfaceRangeTestTarget target, double[] theta, OptimizerState<double> state) : IRangeTestSnapshot
    {
        public void Restore()
        {
            theta.CopyTo(target._theta, 0);
            target._state = state.Clone();
        }
    }
}
