using LrLab.Core.Optimizers;

namespace LrLab.Core.Sweep;

/// <summary><see cref="Sgd"/>'s update (plain, momentum, Nesterov, dampening, weight decay, maximize) for every lane, in its order of rounding.</summary>
internal sealed class SgdLaneStep(OptimizerOptions o, int lanes, int n) : LaneStep
{
    private readonly double[] _buffer = new double[lanes * n];
    private readonly double _momentum = o.Momentum ?? 0;
    private readonly double _oneMinusDampening = 1 - (o.Dampening ?? 0);
    private readonly double _weightDecay = o.WeightDecay ?? 0;
    private readonly bool _plain = (o.Momentum ?? 0) == 0 && (o.WeightDecay ?? 0) == 0 && !o.Maximize;

    public override void Reset(int lanes)
    {
    }

    public override void Step(int k, ReadOnlySpan<double> rates, Span<double> theta, ReadOnlySpan<double> gradient, ReadOnlySpan<int> blowUp)
    {
        for (var l = 0; l < rates.Length; l++)
        {
            if (blowUp[l] >= 0)
            {
                continue;
            }

            var negLr = -rates[l];
            var end = (l + 1) * n;
            if (_plain)
            {
                // TensorPrimitives.FusedMultiplyAdd(g, −lr, θ): one rounding.
                for (var i = l * n; i < end; i++)
                {
                    theta[i] = Math.FusedMultiplyAdd(gradient[i], negLr, theta[i]);
                }

                continue;
            }

            for (var i = l * n; i < end; i++)
            {
                // Sgd.Step's loop, element by element (the buffer is a copy of d on the first step).
                var d = EffectiveGradient.Of(gradient[i], theta[i], _weightDecay, o.Maximize);
                if (_momentum != 0)
                {
                    _buffer[i] = k == 1 ? d : TensorOps.ScaleAdd(_buffer[i], _momentum, d, _oneMinusDampening);
                    d = o.Nesterov ? TensorOps.Add(d, _buffer[i], _momentum) : _buffer[i];
                }

                theta[i] = TensorOps.Add(theta[i], d, negLr);
            }
        }
    }
}
