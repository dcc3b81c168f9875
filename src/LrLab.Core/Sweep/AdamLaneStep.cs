using LrLab.Core.Optimizers;

namespace LrLab.Core.Sweep;

/// <summary>
/// <see cref="Adam"/>'s update for every lane, in its order of rounding; with a decoupled weight decay it is
/// <see cref="AdamW"/>'s (θ shrunk by 1 − lr·λ first, then the Adam step with no L2 term). The bias corrections are
/// computed once per step for all lanes; only the step size depends on the lane's rate.
/// </summary>
internal sealed class AdamLaneStep(OptimizerOptions o, double decoupledDecay, int lanes, int n) : LaneStep
{
    private readonly double[] _m = new double[lanes * n];
    private readonly double[] _v = new double[lanes * n];
    private readonly double[] _vMax = new double[o.Amsgrad ? lanes * n : 0];
    private readonly double _beta1 = Resolved(o.Beta1);
    private readonly double _beta2 = Resolved(o.Beta2);
    private readonly double _eps = Resolved(o.Eps);
    private readonly double _weightDecay = Resolved(o.WeightDecay);

    public override void Reset(int lanes)
    {
        _m.AsSpan(0, lanes * n).Clear();
        _v.AsSpan(0, lanes * n).Clear();
        if (o.Amsgrad)
        {
            _vMax.AsSpan(0, lanes * n).Clear();
        }
    }

    public override void Step(int k, ReadOnlySpan<double> rates, Span<double> theta, ReadOnlySpan<double> gradient, ReadOnlySpan<int> blowUp)
    {
        // Adam.Step's scalars: Python floats, in double.
        var biasCorrection1 = 1 - Math.Pow(_beta1, k);
        var biasCorrection2Sqrt = Math.Sqrt(1 - Math.Pow(_beta2, k));
        var (beta1, beta2, oneMinusBeta1, oneMinusBeta2) = (_beta1, _beta2, 1 - _beta1, 1 - _beta2);
        var (eps, weightDecay, maximize, amsgrad) = (_eps, _weightDecay, o.Maximize, o.Amsgrad);
        var (ms, vs, vMaxes) = (_m, _v, _vMax);
        for (var l = 0; l < rates.Length; l++)
        {
            if (blowUp[l] >= 0)
            {
                continue;
            }

            var lr = rates[l];
            var end = (l + 1) * n;
            if (decoupledDecay != 0)
            {
                // AdamW: param.mul_(1 − lr·weight_decay), the factor rounded once.
                var shrink = 1 - (lr * decoupledDecay);
                for (var i = l * n; i < end; i++)
                {
                    theta[i] *= shrink;
                }
            }

            var negStepSize = -(lr / biasCorrection1);
            for (var i = l * n; i < end; i++)
            {
                var g = gradient[i];
                if (maximize)
                {
                    g = -g;
                }

                if (weightDecay != 0)
                {
                    g = Math.FusedMultiplyAdd(weightDecay, theta[i], g);
                }

                var m = ms[i] = Math.FusedMultiplyAdd(oneMinusBeta1, g, ms[i] * beta1);
                var v = vs[i] = Math.FusedMultiplyAdd(oneMinusBeta2 * g, g, vs[i] * beta2);
                var second = v;
                if (amsgrad)
                {
                    second = vMaxes[i] = double.Max(vMaxes[i], v);
                }

                var denom = (Math.Sqrt(second) / biasCorrection2Sqrt) + eps;
                theta[i] += negStepSize * m / denom;
            }
        }
    }
}
