using LrLab.Core.Finder;
using LrLab.Core.Optimizers;
using LrLab.Core.Training;

namespace LrLab.Core.Tests.Finder;

/// <summary>
/// The MNIST network as tools/golden_finder.py's <c>net_range_test</c> builds it: patterned initial weights
/// (((i·7919) mod 2001 − 1000)/1000/√fan_in per tensor) and mini-batch t = training images [t·B, (t+1)·B).
/// </summary>
internal sealed class OrderedMlpTarget : IRangeTestTarget, IDisposable
{
    private readonly Mlp _mlp;
    private readonly Samples _train;
    private readonly IOptimizer _optimizer;
    private readonly int _batch;
    private OptimizerState<float> _state;
    private int _step;

    public OrderedMlpTarget(Samples train, int hidden, int batch, IOptimizer optimizer)
    {
        _mlp = new Mlp(784, hidden, 10, batch);
        _train = train;
        _optimizer = optimizer;
        _batch = batch;
        _state = optimizer.Init<float>(_mlp.Parameters.Length);
        var offset = 0;
        foreach (var (count, fanIn) in new[] { (hidden * 784, 784), (hidden, 784), (10 * hidden, hidden), (10, hidden) })
        {
            for (long i = 0; i < count; i++)
            {
                _mlp.Parameters[offset + i] = (float)((((i * 7919) % 2001) - 1000) / 1000.0 / Math.Sqrt(fanIn));
            }

            offset += count;
        }
    }

    public string Name => "ordered mlp";

    public string OptimizerName => _optimizer.Name;

    public int ParameterCount => _mlp.Parameters.Length;

    public double TrainStep(double lr)
    {
        var loss = _mlp.ForwardBackward(_train.Inputs.AsSpan(_step * _batch * 784, _batch * 784), _train.Labels.AsSpan(_step * _batch, _batch));
        _optimizer.Step<float>(_mlp.Parameters, _mlp.Gradients, _state, lr);
        _step++;
        return loss;
    }

    public IRangeTestSnapshot Snapshot() => new Checkpoint(this, (float[])_mlp.Parameters.Clone(), _state.Clone(), _step);

    public void Dispose() => _mlp.Dispose();

    private sealed class Checkpoint(OrderedMlpTarget target, float[] weights, OptimizerState<float> state, int step) : IRangeTestSnapshot
    {
        public void Restore()
        {
            weights.CopyTo(target._mlp.Parameters, 0);
            target._state = state.Clone();
            target._step = step;
        }
    }
}
