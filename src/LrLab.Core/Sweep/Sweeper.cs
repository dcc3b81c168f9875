using System.Buffers;
using System.Globalization;
using LrLab.Core.Optimizers;
using LrLab.Core.Simulation;
using LrLab.Core.Surfaces;

namespace LrLab.Core.Sweep;

/// <summary>
/// Runs one optimizer on one surface at many log-spaced rates and judges each run exactly as
/// <see cref="Simulator.Run(Surface, StepRule, SimulationOptions?)"/> would (same updates, same verdict rules), keeping only the outcome per rate.
/// </summary>
public static class Sweeper
{
    /// <summary>
    /// <paramref name="count"/> rates spaced evenly on a log axis from <paramref name="min"/> to <paramref name="max"/>,
    /// both ends included exactly. Throws <see cref="InputException"/> for non-positive or reversed bounds.
    /// </summary>
    public static double[] LogSpace(double min, double max, int count)
    {
        if (!(min > 0) || !double.IsFinite(min))
        {
            throw InputException.For("lr_min", Say($"must be a positive number, got {min}"));
        }

        if (!(max >= min) || !double.IsFinite(max))
        {
            throw InputException.For("lr_max", Say($"must be a number at least the lowest rate ({min}), got {max}"));
        }

        if (count is < 1 or > SweepOptions.MaxCount)
        {
            throw InputException.For("count", Say($"must be between 1 and {SweepOptions.MaxCount}, got {count}"));
        }

        var rates = new double[count];
        // Base-10 exponents keep decade rates exact: 1e-4 .. 1 in 5 steps gives 0.001, not 0.0010000000000000002.
        var logMin = Math.Log10(min);
        var span = Math.Log10(max) - logMin;
        for (var i = 0; i < count; i++)
        {
            rates[i] = count == 1 ? min : Math.Pow(10, logMin + (span * i / (count - 1)));
        }

        rates[0] = min;
        rates[^1] = count == 1 ? min : max;
        return rates;
    }

    /// <summary>Sweeps <paramref name="optimizer"/> (its own rate is ignored) over the rates of <paramref name="options"/>.</summary>
    /// <exception cref="InputException">Bad rates, count, steps, start or batch size.</exception>
    public static SweepResult Run(Surface surface, IOptimizer optimizer, SweepOptions? options = null) =>
        Run(surface, new OptimizerRule(optimizer), options);

    /// <summary>Sweeps <paramref name="rule"/> (an optimizer or line search; its own rate is ignored) over the rates of <paramref name="options"/>.</summary>
    /// <exception cref="InputException">Bad rates, count, steps, start or batch size.</exception>
    public static SweepResult Run(Surface surface, StepRule rule, SweepOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentNullException.ThrowIfNull(rule);
        options ??= new SweepOptions();
        var rates = LogSpace(options.LrMin, options.LrMax, options.Count);
        var start = Validate(surface, options);
        var rows = new SweepRow[rates.Length];
        if (rule is OptimizerRule { Optimizer: var optimizer } && RateLanes.Supports(surface, options) && rates.Length > 1)
        {
            RunLanes(surface, optimizer, options, start, rates, rows);
        }
        else if (options.MaxDegreeOfParallelism > 1 && rates.Length > 1)
        {
            Parallel.For(
                0,
                rates.Length,
                new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism },
                () => new SweepScratch(options.Steps, start.Length),
                (i, _, scratch) =>
                {
                    rows[i] = RunOne(surface, rule, rates[i], options, start, scratch);
                    return scratch;
                },
                _ => { });
        }
        else
        {
            var scratch = new SweepScratch(options.Steps, start.Length);
            for (var i = 0; i < rates.Length; i++)
            {
                rows[i] = RunOne(surface, rule, rates[i], options, start, scratch);
            }
        }

        return Summarize(surface, rule, options.Steps, rows);
    }

    /// <summary>
    /// The rates in chunks of <see cref="SweepRunner.MaxLanes"/> advanced together (<see cref="RateLanes"/>: same rows
    /// as one rate at a time, far fewer calls per step), the chunks spread over the allowed threads.
    /// </summary>
    private static void RunLanes(Surface surface, IOptimizer optimizer, SweepOptions options, double[] start, double[] rates, SweepRow[] rows)
    {
        const int lanes = SweepRunner.MaxLanes;
        var chunks = (rates.Length + lanes - 1) / lanes;
        var workers = Math.Min(options.MaxDegreeOfParallelism, chunks);
        if (workers > 1)
        {
            // One lane buffer per worker (rented: about 0.8 MB at 1,000 steps), each worker taking the next chunk until none is left.
            var next = -1;
            Parallel.For(
                0,
                workers,
                new ParallelOptions { MaxDegreeOfParallelism = workers },
                _ =>
                {
                    var runner = new RateLanes(surface, optimizer, options, start, lanes, ArrayPool<double>.Shared);
                    for (var c = Interlocked.Increment(ref next); c < chunks; c = Interlocked.Increment(ref next))
                    {
                        RunChunk(runner, c * lanes, rates, rows);
                    }

                    runner.Release();
                });
            return;
        }

        var one = new RateLanes(surface, optimizer, options, start, Math.Min(lanes, rates.Length), ArrayPool<double>.Shared);
        for (var from = 0; from < rates.Length; from += lanes)
        {
            RunChunk(one, from, rates, rows);
        }

        one.Release();
    }

    private static void RunChunk(RateLanes runner, int from, double[] rates, SweepRow[] rows)
    {
        var length = Math.Min(SweepRunner.MaxLanes, rates.Length - from);
        runner.Run(rates.AsSpan(from, length), rows.AsSpan(from, length));
    }

    /// <summary>Packs rows (in rate order) with their divergence limit, fastest rate, bands and theory lines.</summary>
    internal static SweepResult Summarize(Surface surface, StepRule rule, int steps, IReadOnlyList<SweepRow> rows) =>
        new(surface.Name, rule.Name, steps, rows, DivergenceLimit(rows), BestLr(rows), Bands(rows), TheoryLines.From(rule.Theory(surface)));

    /// <summary>The same sweep for every optimizer in <paramref name="optimizers"/>, over the same rates.</summary>
    public static SweepComparison Compare(Surface surface, IReadOnlyList<IOptimizer> optimizers, SweepOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentNullException.ThrowIfNull(optimizers);
        options ??= new SweepOptions();
        return new SweepComparison(surface.Name, options.Steps, [.. optimizers.Select(o => Run(surface, o, options))]);
    }

    /// <summary>The smallest rate whose run diverged or overflowed (the empirical stability limit), or <c>null</c>.</summary>
    public static double? DivergenceLimit(IReadOnlyList<SweepRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            if (row.Pattern is Pattern.Diverging or Pattern.Nan)
            {
                return row.Lr;
            }
        }

        return null;
    }

    /// <summary>The rate that converged in the fewest steps (ties: lower final loss), or <c>null</c> if none converged.</summary>
    public static double? BestLr(IReadOnlyList<SweepRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        SweepRow? best = null;
        foreach (var row in rows)
        {
            if (row.StepsToConverge is not { } steps || row.Verdict == Verdict.TooLarge)
            {
                continue;
            }

            if (best is null || steps < best.StepsToConverge || (steps == best.StepsToConverge && row.FinalLoss < best.FinalLoss))
            {
                best = row;
            }
        }

        return best?.Lr;
    }

    /// <summary>Merges neighbouring rows with the same verdict into bands whose edges are geometric midpoints.</summary>
    public static IReadOnlyList<RegimeBand> Bands(IReadOnlyList<SweepRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var bands = new List<RegimeBand>();
        var from = 0;
        for (var i = 1; i <= rows.Count; i++)
        {
            if (i < rows.Count && rows[i].Verdict == rows[from].Verdict)
            {
                continue;
            }

            var low = from == 0 ? rows[0].Lr : Math.Sqrt(rows[from - 1].Lr * rows[from].Lr);
            var high = i == rows.Count ? rows[^1].Lr : Math.Sqrt(rows[i - 1].Lr * rows[i].Lr);
            bands.Add(new RegimeBand(low, high, rows[from].Verdict));
            from = i;
        }

        return bands;
    }

    /// <summary>One run at <paramref name="lr"/> through the one step loop, recorded into <paramref name="s"/> (no allocation per step).</summary>
    internal static SweepRow RunOne(Surface surface, StepRule rule, double lr, SweepOptions options, double[] start, SweepScratch s)
    {
        var n = start.Length;
        start.CopyTo(s.Theta, 0);
        var recorder = new SummaryRecorder(s.Losses, s.Parameters);
        var plan = new RunPlan(options.Steps, options.Schedule, null, options.BatchSize, options.Seed);
        var outcome = rule.Run(surface, plan, lr, s.Theta, ref recorder, details: false);
        var run = new RunRecord(s.Losses.AsSpan(0, recorder.Count), s.Parameters.AsSpan(0, recorder.Count * n), n, outcome.BlowUp);
        var judgement = RunClassifier.Judge(surface, lr, run, null, s.Gaps, rule.Ceiling(surface), explain: false);
        return new SweepRow(lr, judgement.FinalLoss, judgement.StepsToConverge, judgement.Verdict, judgement.Pattern);
    }

    internal static double[] Validate(Surface surface, SweepOptions options) =>
        Simulator.StartPoint(surface, options.Steps, options.Start, options.BatchSize);

    private static string Say(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
