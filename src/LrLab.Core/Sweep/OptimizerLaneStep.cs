using LrLab.Core.Optimizers;

namespace LrLab.Core.Sweep;

/// <summary>Any optimizer, one lane at a time through its own step and a state per lane (exact by construction).</summary>
internal sealed class OptimizerLaneStep(IOptimizer optimizer, int lanes, int n) : LaneStep
{
    private readonly OptimizerState<double>[] _states = new OptimizerState<double>[lanes];

    public override void Reset(int lanes)
    {
        for (var l = 0; l < lanes; l++)
        {
            _states[l] = optimizer.Init<double>(n);
        }
    }

    public override void Step(int k, ReadOnlySpan<double> rates, Span<double> theta, ReadOnlySpan<double> gradient, ReadOnlySpan<int> blowUp)
    {
        for (var l = 0; l < rates.Length; l++)
        {
            if (blowUp[l] < 0)
            {
                optimizer.Step(theta.Slice(l * n, n), gradient.Slice(l * n, n), _states[l], rates[l]);
            }
        }
    }
}
