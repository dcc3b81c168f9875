using LrLab.Core.Optimizers;
using LrLab.Core.Simulation;
using LrLab.Core.Surfaces;

namespace LrLab.Core.Sweep;

/// <summary>
/// SGD (plain, momentum, Nesterov, weight decay) at many rates advanced together, step by step: one call of the
/// surface's <see cref="Surface.ValuesAndGradients"/> per step for all rates instead of one gradient, one optimizer
/// step and one loss evaluation per rate, so the per-call overhead (large in the browser's interpreter) is paid once
/// per step. Every operation is the one <see cref="Sweeper.RunOne"/> performs through <see cref="Sgd"/>, in the
/// same order, so the rows are identical (tested), and a lane that blows up stops being recorded where the single
/// run would stop. Deterministic surfaces without a schedule only; <see cref="Supports"/> says when.
/// </summary>
internal sealed class SgdLanes
{
    private readonly Surface _surface;
    private readonly Sgd _sgd;
    private readonly SweepOptions _options;
    private readonly double[] _start;
    private readonly int _lanes;
    private readonly double[] _theta, _gradient, _values, _buffer;
    private readonly double[] _losses, _parameters, _gaps;

    public SgdLanes(Surface surface, Sgd sgd, SweepOptions options, double[] start, int lanes)
    {
        (_surface, _sgd, _options, _start, _lanes) = (surface, sgd, options, start, lanes);
        var n = start.Length;
        _theta = new double[lanes * n];
        _gradient = new double[lanes * n];
        _buffer = new double[lanes * n];
        _values = new double[lanes];
        _losses = new double[lanes * (options.Steps + 1)];
        _parameters = new double[lanes * (options.Steps + 1) * n];
        _gaps = new double[options.Steps + 1];
    }

    /// <summary>Most rates one call runs together.</summary>
    public int Lanes => _lanes;

    public static bool Supports(Surface surface, IOptimizer optimizer, SweepOptions options) =>
        optimizer is Sgd && options.Schedule is null && !surface.IsStochastic;

    /// <summary>Runs <paramref name="rates"/> (at most <see cref="Lanes"/>) and writes one row per rate.</summary>
    public void Run(ReadOnlySpan<double> rates, Span<SweepRow> rows)
    {
        var lanes = rates.Length;
        var n = _start.Length;
        var steps = _options.Steps;
        var o = _sgd.Options;
        var momentum = o.Momentum ?? 0;
        var oneMinusDampening = 1 - (o.Dampening ?? 0);
        var weightDecay = o.WeightDecay ?? 0;
        var plain = momentum == 0 && weightDecay == 0 && !o.Maximize;
        var theta = _theta.AsSpan(0, lanes * n);
        var gradient = _gradient.AsSpan(0, lanes * n);
        var buffer = _buffer.AsSpan(0, lanes * n);
        var values = _values.AsSpan(0, lanes);
        var record = (steps + 1) * n;
        Span<int> blowUp = stackalloc int[lanes];
        Span<int> count = stackalloc int[lanes];
        for (var l = 0; l < lanes; l++)
        {
            _start.CopyTo(theta.Slice(l * n, n));
            blowUp[l] = -1;
        }

        _surface.Values(theta, values);
        for (var l = 0; l < lanes; l++)
        {
            _losses[l * (steps + 1)] = values[l];
            count[l] = 1;
            if (!Record(values[l], theta.Slice(l * n, n), _parameters.AsSpan(l * record, n)))
            {
                blowUp[l] = 0;
            }
        }

        for (var k = 1; k <= steps; k++)
        {
            var active = false;
            for (var l = 0; l < lanes && !active; l++)
            {
                active = blowUp[l] < 0;
            }

            if (!active)
            {
                break;
            }

            _surface.ValuesAndGradients(theta, values, gradient);
            for (var l = 0; l < lanes; l++)
            {
                if (blowUp[l] >= 0)
                {
                    continue;
                }

                var g = gradient.Slice(l * n, n);
                if (!AllFinite(g))
                {
                    blowUp[l] = k;
                    continue;
                }

                var t = theta.Slice(l * n, n);
                var negLr = -rates[l];
                if (plain)
                {
                    for (var d = 0; d < n; d++)
                    {
                        t[d] = Math.FusedMultiplyAdd(g[d], negLr, t[d]);
                    }
                }
                else
                {
                    var b = buffer.Slice(l * n, n);
                    for (var d = 0; d < n; d++)
                    {
                        // Sgd.Step's loop, element by element.
                        var e = EffectiveGradient.Of(g[d], t[d], weightDecay, o.Maximize);
                        if (momentum != 0)
                        {
                            b[d] = k == 1 ? e : TensorOps.ScaleAdd(b[d], momentum, e, oneMinusDampening);
                            e = o.Nesterov ? TensorOps.Add(e, b[d], momentum) : b[d];
                        }

                        t[d] = TensorOps.Add(t[d], e, negLr);
                    }
                }
            }

            _surface.Values(theta, values);
            for (var l = 0; l < lanes; l++)
            {
                if (blowUp[l] >= 0)
                {
                    continue;
                }

                _losses[(l * (steps + 1)) + k] = values[l];
                count[l] = k + 1;
                if (!Record(values[l], theta.Slice(l * n, n), _parameters.AsSpan((l * record) + (k * n), n)))
                {
                    blowUp[l] = k;
                }
            }
        }

        var ceiling = RunClassifier.Ceiling(_surface, _sgd);
        for (var l = 0; l < lanes; l++)
        {
            var run = new RunRecord(_losses.AsSpan(l * (steps + 1), count[l]), _parameters.AsSpan(l * record, count[l] * n), n, blowUp[l] < 0 ? null : blowUp[l]);
            var judgement = RunClassifier.Judge(_surface, rates[l], run, null, _gaps, ceiling);
            rows[l] = new SweepRow(rates[l], judgement.FinalLoss, judgement.StepsToConverge, judgement.Verdict, judgement.Pattern);
        }
    }

    private static bool Record(double loss, ReadOnlySpan<double> theta, Span<double> recorded)
    {
        var finite = double.IsFinite(loss);
        for (var d = 0; d < theta.Length; d++)
        {
            recorded[d] = theta[d];
            finite &= double.IsFinite(theta[d]);
        }

        return finite;
    }

    private static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }
}
