using LrLab.Core.Optimizers;

namespace LrLab.Core.Sweep;

/// <summary>
/// <see cref="NAdam"/>'s update for every lane, in its order of rounding. The momentum schedule (μ, μ of the next step
/// and their running product) is the same for every lane, so it is kept once; only the two scales depend on the rate.
/// </summary>
internal sealed class NAdamLaneStep(OptimizerOptions o, int lanes, int n) : LaneStep
{
    private readonly double[] _m = new double[lanes * n];
    private readonly double[] _v = new double[lanes * n];
    private readonly double _beta1 = Resolved(o.Beta1);
    private readonly double _beta2 = Resolved(o.Beta2);
    private readonly double _eps = Resolved(o.Eps);
    private readonly double _weightDecay = Resolved(o.WeightDecay);
    private readonly double _momentumDecay = Resolved(o.MomentumDecay);
    private double _muProduct = 1;

    public override void Reset(int lanes)
    {
        _m.AsSpan(0, lanes * n).Clear();
        _v.AsSpan(0, lanes * n).Clear();
        _muProduct = 1;
    }

    public override void Step(int k, ReadOnlySpan<double> rates, Span<double> theta, ReadOnlySpan<double> gradient, ReadOnlySpan<int> blowUp)
    {
        double step = k;
        var biasCorrection2 = 1 - Math.Pow(_beta2, step);
        var mu = _beta1 * (1.0 - (0.5 * Math.Pow(0.96, step * _momentumDecay)));
        var muNext = _beta1 * (1.0 - (0.5 * Math.Pow(0.96, (step + 1) * _momentumDecay)));
        var muProduct = _muProduct *= mu;
        var muProductNext = muProduct * mu * muNext;
        var (beta1, beta2, oneMinusBeta1, oneMinusBeta2, eps, weightDecay) = (_beta1, _beta2, 1 - _beta1, 1 - _beta2, _eps, _weightDecay);
        var (ms, vs) = (_m, _v);
        for (var l = 0; l < rates.Length; l++)
        {
            if (blowUp[l] >= 0)
            {
                continue;
            }

            var lr = rates[l];
            var gradScale = -lr * (1.0 - mu) / (1.0 - muProduct);
            var momentScale = -lr * muNext / (1.0 - muProductNext);
            var end = (l + 1) * n;
            for (var i = l * n; i < end; i++)
            {
                // EffectiveGradient.Of written out (NAdam has no maximize).
                var g = weightDecay != 0 ? Math.FusedMultiplyAdd(weightDecay, theta[i], gradient[i]) : gradient[i];
                var m = ms[i] = Math.FusedMultiplyAdd(oneMinusBeta1, g, ms[i] * beta1);
                var v = vs[i] = Math.FusedMultiplyAdd(oneMinusBeta2 * g, g, vs[i] * beta2);
                var denom = Math.Sqrt(v / biasCorrection2) + eps;
                var t = theta[i] + (gradScale * g / denom);
                theta[i] = t + (momentScale * m / denom);
            }
        }
    }
}
