using LrLab.Core.Optimizers;

namespace LrLab.Core.Sweep;

/// <summary><see cref="Adagrad"/>'s update (lr decay, weight decay, initial accumulator, maximize) for every lane, in its order of rounding.</summary>
internal sealed class AdagradLaneStep(OptimizerOptions o, int lanes, int n) : LaneStep
{
    private readonly double[] _sum = new double[lanes * n];
    private readonly double _lrDecay = Resolved(o.LrDecay);
    private readonly double _eps = Resolved(o.Eps);
    private readonly double _weightDecay = Resolved(o.WeightDecay);

    public override void Reset(int lanes) => _sum.AsSpan(0, lanes * n).Fill(Resolved(o.InitialAccumulatorValue));

    public override void Step(int k, ReadOnlySpan<double> rates, Span<double> theta, ReadOnlySpan<double> gradient, ReadOnlySpan<int> blowUp)
    {
        var decay = 1 + ((k - 1.0) * _lrDecay);
        var (eps, weightDecay, maximize, sums) = (_eps, _weightDecay, o.Maximize, _sum);
        for (var l = 0; l < rates.Length; l++)
        {
            if (blowUp[l] >= 0)
            {
                continue;
            }

            var negClr = -(rates[l] / decay);
            var end = (l + 1) * n;
            for (var i = l * n; i < end; i++)
            {
                // EffectiveGradient.Of written out (no call per element).
                var g = maximize ? -gradient[i] : gradient[i];
                if (weightDecay != 0)
                {
                    g = Math.FusedMultiplyAdd(weightDecay, theta[i], g);
                }

                var sum = sums[i] = Math.FusedMultiplyAdd(1.0 * g, g, sums[i]);
                theta[i] += negClr * g / (Math.Sqrt(sum) + eps);
            }
        }
    }
}
