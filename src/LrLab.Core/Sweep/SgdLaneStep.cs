using LrLab.Core.Optimizers;

namespace LrLab.Core.Sweep;

/// <summary><see cref="Sgd"/>'s update (plain, momentum, Nesterov, dampening, weight decay, maximize) for every lane, in its order of rounding.</summary>
internal sealed class SgdLaneStep(OptimizerOptions o, int lanes, int n) : LaneStep
{
    private readonly double[] _buffer = new double[lanes * n];
    private readonly double _momentum = Resolved(o.Momentum);
    private readonly double _oneMinusDampening = 1 - Resolved(o.Dampening);
    private readonly double _weightDecay = Resolved(o.WeightDecay);
    private readonly bool _plain = Resolved(o.Momentum) == 0 && Resolved(o.WeightDecay) == 0 && !o.Maximize;

    public override void Reset(int lanes)
    {
    }

    public override void Step(int k, ReadOnlySpan<double> rates, Span<double> theta, ReadOnlySpan<double> gradient, ReadOnlySpan<int> blowUp)
    {
        var (momentum, oneMinusDampening, weightDecay, maximize, nesterov, plain, buffers) = (_momentum, _oneMinusDampening, _weightDecay, o.Maximize, o.Nesterov, _plain, _buffer);
        for (var l = 0; l < rates.Length; l++)
        {
            if (blowUp[l] >= 0)
            {
                continue;
            }

            var negLr = -rates[l];
            var end = (l + 1) * n;
            if (plain)
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
                // Sgd.Step's loop, element by element, with EffectiveGradient.Of and TensorOps written out (no call per
                // element): d ← ±g (+ λθ fused); b ← d on the first step, else fma(1 − τ, d, b·μ); d ← fma(μ, b, d) or b;
                // θ ← fma(−lr, d, θ).
                var d = maximize ? -gradient[i] : gradient[i];
                if (weightDecay != 0)
                {
                    d = Math.FusedMultiplyAdd(weightDecay, theta[i], d);
                }

                if (momentum != 0)
                {
                    var b = buffers[i] = k == 1 ? d : Math.FusedMultiplyAdd(oneMinusDampening, d, buffers[i] * momentum);
                    d = nesterov ? Math.FusedMultiplyAdd(momentum, b, d) : b;
                }

                theta[i] = Math.FusedMultiplyAdd(negLr, d, theta[i]);
            }
        }
    }
}
