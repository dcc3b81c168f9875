using LrLab.Core.Optimizers;

namespace LrLab.Core.Sweep;

/// <summary><see cref="RAdam"/>'s update for every lane, in its order of rounding; the rectification is computed once per step.</summary>
internal sealed class RAdamLaneStep(OptimizerOptions o, int lanes, int n) : LaneStep
{
    private readonly double[] _m = new double[lanes * n];
    private readonly double[] _v = new double[lanes * n];
    private readonly double _beta1 = Resolved(o.Beta1);
    private readonly double _beta2 = Resolved(o.Beta2);
    private readonly double _eps = Resolved(o.Eps);
    private readonly double _weightDecay = Resolved(o.WeightDecay);

    public override void Reset(int lanes)
    {
        _m.AsSpan(0, lanes * n).Clear();
        _v.AsSpan(0, lanes * n).Clear();
    }

    public override void Step(int k, ReadOnlySpan<double> rates, Span<double> theta, ReadOnlySpan<double> gradient, ReadOnlySpan<int> blowUp)
    {
        double step = k;
        var biasCorrection1 = 1 - Math.Pow(_beta1, step);
        var biasCorrection2 = 1 - Math.Pow(_beta2, step);
        var rhoInf = (2 / (1 - _beta2)) - 1;
        var rhoT = rhoInf - (2 * step * Math.Pow(_beta2, step) / biasCorrection2);
        var rectified = rhoT > 5.0;
        var rect = rectified ? Math.Sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT)) : 0;
        var biasCorrection2Sqrt = Math.Sqrt(biasCorrection2);
        var (beta1, beta2, oneMinusBeta1, oneMinusBeta2, eps, weightDecay) = (_beta1, _beta2, 1 - _beta1, 1 - _beta2, _eps, _weightDecay);
        var (ms, vs) = (_m, _v);
        for (var l = 0; l < rates.Length; l++)
        {
            if (blowUp[l] >= 0)
            {
                continue;
            }

            var lr = rates[l];
            var end = (l + 1) * n;
            for (var i = l * n; i < end; i++)
            {
                // EffectiveGradient.Of written out (RAdam has no maximize).
                var g = weightDecay != 0 ? Math.FusedMultiplyAdd(weightDecay, theta[i], gradient[i]) : gradient[i];
                var m = ms[i] = Math.FusedMultiplyAdd(oneMinusBeta1, g, ms[i] * beta1);
                var v = vs[i] = Math.FusedMultiplyAdd(oneMinusBeta2 * g, g, vs[i] * beta2);
                var update = m / biasCorrection1 * lr;
                if (rectified)
                {
                    // Python's float / tensor is tensor.reciprocal() * float, so the reciprocal comes first.
                    var adaptiveLr = 1.0 / (Math.Sqrt(v) + eps) * biasCorrection2Sqrt;
                    update = update * adaptiveLr * rect;
                }

                theta[i] -= update;
            }
        }
    }
}
