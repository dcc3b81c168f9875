using LrLab.Core.Optimizers;

namespace LrLab.Core.Sweep;

/// <summary><see cref="RmsProp"/>'s update (centered, momentum, weight decay, maximize) for every lane, in its order of rounding.</summary>
internal sealed class RmsPropLaneStep(OptimizerOptions o, int lanes, int n) : LaneStep
{
    private readonly double[] _squareAvg = new double[lanes * n];
    private readonly double[] _gradAvg = new double[o.Centered ? lanes * n : 0];
    private readonly double[] _buffer = new double[Resolved(o.Momentum) > 0 ? lanes * n : 0];
    private readonly double _alpha = Resolved(o.Alpha);
    private readonly double _eps = Resolved(o.Eps);
    private readonly double _momentum = Resolved(o.Momentum);
    private readonly double _weightDecay = Resolved(o.WeightDecay);

    public override void Reset(int lanes)
    {
        _squareAvg.AsSpan(0, lanes * n).Clear();
        _gradAvg.AsSpan(0, _gradAvg.Length == 0 ? 0 : lanes * n).Clear();
        _buffer.AsSpan(0, _buffer.Length == 0 ? 0 : lanes * n).Clear();
    }

    public override void Step(int k, ReadOnlySpan<double> rates, Span<double> theta, ReadOnlySpan<double> gradient, ReadOnlySpan<int> blowUp)
    {
        // Everything the loop reads is a local: a property or generic call per element would cost the interpreter a call each.
        var (alpha, oneMinusAlpha, eps, momentum, weightDecay) = (_alpha, 1 - _alpha, _eps, _momentum, _weightDecay);
        var (centered, maximize) = (o.Centered, o.Maximize);
        var (squareAvgs, gradAvgs, buffers) = (_squareAvg, _gradAvg, _buffer);
        for (var l = 0; l < rates.Length; l++)
        {
            if (blowUp[l] >= 0)
            {
                continue;
            }

            var negLr = -rates[l];
            var end = (l + 1) * n;
            for (var i = l * n; i < end; i++)
            {
                // EffectiveGradient.Of: negated when maximizing, then + weight_decay·θ (fused) when the decay is not zero.
                var g = maximize ? -gradient[i] : gradient[i];
                if (weightDecay != 0)
                {
                    g = Math.FusedMultiplyAdd(weightDecay, theta[i], g);
                }

                var squareAvg = squareAvgs[i] = Math.FusedMultiplyAdd(oneMinusAlpha * g, g, squareAvgs[i] * alpha);
                double avg;
                if (centered)
                {
                    var gradAvg = gradAvgs[i] = Math.FusedMultiplyAdd(oneMinusAlpha, g, gradAvgs[i] * alpha);
                    avg = Math.Sqrt(Math.FusedMultiplyAdd(-1.0 * gradAvg, gradAvg, squareAvg));
                }
                else
                {
                    avg = Math.Sqrt(squareAvg);
                }

                avg += eps;
                if (momentum > 0)
                {
                    var buffer = buffers[i] = (buffers[i] * momentum) + (1.0 * g / avg);
                    theta[i] = Math.FusedMultiplyAdd(negLr, buffer, theta[i]);
                }
                else
                {
                    theta[i] += negLr * g / avg;
                }
            }
        }
    }
}
