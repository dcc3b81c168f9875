using System.Buffers;
using LrLab.Core.Optimizers;
using LrLab.Core.Simulation;
using LrLab.Core.Surfaces;

namespace LrLab.Core.Sweep;

/// <summary>
/// One optimizer at many rates advanced together, step by step: one call of the surface's
/// <see cref="Surface.ValuesAndGradients"/> and one of <see cref="Surface.Values"/> per step for all rates, and one
/// <see cref="LaneStep"/> call that updates every rate, instead of a gradient, an optimizer step and a loss evaluation
/// per rate; the per-call overhead (large in the browser's interpreter) is paid once per step. Every operation is the
/// one <see cref="Sweeper.RunOne"/> performs, in the same order, so the rows are identical (tested), and a lane that
/// blows up stops being recorded where the single run would stop. Nothing is allocated per step. Deterministic
/// surfaces without a schedule only; <see cref="Supports"/> says when.
/// </summary>
internal sealed class RateLanes
{
    private readonly Surface _surface;
    private readonly IOptimizer _optimizer;
    private readonly LaneStep _step;
    private readonly SweepOptions _options;
    private readonly double[] _start;
    private readonly double[] _theta, _gradient, _values;
    private readonly double[] _losses, _parameters, _gaps;
    private readonly int[] _blowUp, _count;
    private readonly double? _ceiling;
    private readonly ArrayPool<double>? _pool;

    /// <remarks>
    /// With a <paramref name="pool"/>, the two history buffers (about 0.8 MB for 32 lanes × 1,000 steps on a 2-D
    /// surface) are rented from it and go back with <see cref="Release"/>: a sweep of many optimizers would otherwise put
    /// a new large-object array on the heap per optimizer and worker, and each few of them cost a full collection.
    /// </remarks>
    public RateLanes(Surface surface, IOptimizer optimizer, SweepOptions options, double[] start, int lanes, ArrayPool<double>? pool = null)
    {
        (_surface, _optimizer, _options, _start) = (surface, optimizer, options, start);
        var n = start.Length;
        _step = LaneStep.For(optimizer, lanes, n);
        _theta = new double[lanes * n];
        _gradient = new double[lanes * n];
        _values = new double[lanes];
        _blowUp = new int[lanes];
        _count = new int[lanes];
        _pool = pool;
        _losses = pool?.Rent(lanes * (options.Steps + 1)) ?? new double[lanes * (options.Steps + 1)];
        _parameters = pool?.Rent(lanes * (options.Steps + 1) * n) ?? new double[lanes * (options.Steps + 1) * n];
        _gaps = new double[options.Steps + 1];
        _ceiling = RunClassifier.Ceiling(surface, optimizer);
    }

    /// <summary>Gives rented buffers back to the pool; the lanes are not used again afterwards.</summary>
    public void Release()
    {
        _pool?.Return(_losses);
        _pool?.Return(_parameters);
    }

    public static bool Supports(Surface surface, SweepOptions options) => options.Schedule is null && !surface.IsStochastic;

    /// <summary>Runs <paramref name="rates"/> (at most the lanes given at construction) and writes one row per rate.</summary>
    public void Run(ReadOnlySpan<double> rates, Span<SweepRow> rows)
    {
        var lanes = rates.Length;
        var n = _start.Length;
        var steps = _options.Steps;
        var theta = _theta.AsSpan(0, lanes * n);
        var gradient = _gradient.AsSpan(0, lanes * n);
        var values = _values.AsSpan(0, lanes);
        var blowUp = _blowUp.AsSpan(0, lanes);
        var count = _count.AsSpan(0, lanes);
        var record = (steps + 1) * n;
        for (var l = 0; l < lanes; l++)
        {
            _start.CopyTo(theta.Slice(l * n, n));
            blowUp[l] = -1;
        }

        _step.Reset(lanes);
        _surface.Values(theta, values);
        var active = 0;
        for (var l = 0; l < lanes; l++)
        {
            _losses[l * (steps + 1)] = values[l];
            count[l] = 1;
            if (Record(values[l], theta.Slice(l * n, n), _parameters.AsSpan(l * record, n)))
            {
                active++;
            }
            else
            {
                blowUp[l] = 0;
            }
        }

        // Plain loops over the flat arrays, no span made per lane and step: the browser's interpreter pays per call.
        var thetaArray = _theta;
        var gradientArray = _gradient;
        var valuesArray = _values;
        var losses = _losses;
        var parameters = _parameters;
        for (var k = 1; k <= steps && active > 0; k++)
        {
            _surface.ValuesAndGradients(theta, values, gradient);
            for (var l = 0; l < lanes; l++)
            {
                if (blowUp[l] >= 0)
                {
                    continue;
                }

                for (var i = l * n; i < (l + 1) * n; i++)
                {
                    if (!double.IsFinite(gradientArray[i]))
                    {
                        // A non-finite gradient stops the run before the update, as in the single run.
                        blowUp[l] = k;
                        active--;
                        break;
                    }
                }
            }

            _step.Step(k, rates, theta, gradient, blowUp);
            _surface.Values(theta, values);
            for (var l = 0; l < lanes; l++)
            {
                if (blowUp[l] >= 0)
                {
                    continue;
                }

                var loss = valuesArray[l];
                losses[(l * (steps + 1)) + k] = loss;
                count[l] = k + 1;
                var finite = double.IsFinite(loss);
                var to = (l * record) + (k * n);
                for (int i = l * n, end = (l + 1) * n; i < end; i++, to++)
                {
                    var t = thetaArray[i];
                    parameters[to] = t;
                    finite &= double.IsFinite(t);
                }

                if (!finite)
                {
                    blowUp[l] = k;
                    active--;
                }
            }
        }

        for (var l = 0; l < lanes; l++)
        {
            var run = new RunRecord(_losses.AsSpan(l * (steps + 1), count[l]), _parameters.AsSpan(l * record, count[l] * n), n, blowUp[l] < 0 ? null : blowUp[l]);
            var judgement = RunClassifier.Judge(_surface, rates[l], run, null, _gaps, _ceiling, explain: false);
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
}
