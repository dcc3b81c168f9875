using System.Diagnostics;
using System.Globalization;
using System.Text;
using LrLab.Core;
using LrLab.Core.Optimizers;
using LrLab.Core.Plotting;
using LrLab.Core.Schedules;
using LrLab.Core.Simulation;
using LrLab.Core.Surfaces;
using LrLab.Core.Sweep;
using LrLab.Web.Lab;

namespace LrLab.Web.Sweep;

/// <summary>
/// The sweep panel's logic: runs the lab's setup at many log-spaced rates (or several optimizers side by side) and
/// turns the result into chart models with regime bands, theory lines and the lab's current rate.
/// </summary>
public sealed class SweepPanelModel
{
    /// <summary>Rates swept by default.</summary>
    public const int DefaultCount = 200;

    /// <summary>Most rates the panel sweeps.</summary>
    public const int MaxCount = 1000;

    /// <summary>The optimizers of the comparison mode.</summary>
    public static IReadOnlyList<string> ComparisonSet { get; } = ["sgd", "momentum", "adam", "rmsprop", "adagrad"];

    /// <summary>Smallest rate swept.</summary>
    public double LrMin { get; set; } = 1e-4;

    /// <summary>Largest rate swept.</summary>
    public double LrMax { get; set; } = 2;

    /// <summary>Number of rates.</summary>
    public int Count { get; set; } = DefaultCount;

    /// <summary>Sweep SGD, momentum, Adam, RMSprop and Adagrad side by side instead of the lab's optimizer.</summary>
    public bool Compare { get; set; }

    /// <summary>The last result, or null before the first run or after an error.</summary>
    public SweepComparison? Result { get; private set; }

    /// <summary>The setup of the last run.</summary>
    public SweepSetup? Setup { get; private set; }

    /// <summary>What went wrong with the last run, if anything.</summary>
    public string? Error { get; private set; }

    /// <summary>Milliseconds the last complete sweep took (computing only, from <see cref="Begin"/>).</summary>
    public double Milliseconds { get; private set; }

    /// <summary>Milliseconds from <see cref="Begin"/> until the first slice was ready to draw.</summary>
    public double FirstSliceMilliseconds { get; private set; }

    /// <summary>Rates computed so far over all optimizers.</summary>
    public int Done { get; private set; }

    /// <summary>Rates to compute over all optimizers.</summary>
    public int Total => _runners.Length * (_runners.Length > 0 ? _runners[0].Rates.Count : 0);

    /// <summary>Every rate of every optimizer is computed and <see cref="Result"/> is set.</summary>
    public bool IsComplete => Result is not null;

    /// <summary>Rates per optimizer computed together: enough to share each step's calls, few enough for a quick first picture.</summary>
    private const int ChunkRates = 16;

    private SweepRunner[] _runners = [];
    private SweepRow?[][] _rows = [];
    private (int Optimizer, int Index)[] _order = [];
    private string[] _names = [];
    private Stopwatch _watch = new();

    /// <summary>Sweeps <paramref name="setup"/> with the panel's range and mode, all at once.</summary>
    public void Run(SweepSetup setup)
    {
        Begin(setup);
        Advance(double.PositiveInfinity);
    }

    /// <summary>
    /// Prepares a sweep of <paramref name="setup"/> to be computed in slices by <see cref="Advance"/>, coarse to fine,
    /// so the first slices already span the whole range of rates.
    /// </summary>
    public void Begin(SweepSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        Setup = setup;
        Result = null;
        Done = 0;
        _watch = Stopwatch.StartNew();
        FirstSliceMilliseconds = 0;
        try
        {
            var surface = SurfaceCatalog.Resolve(setup.Surface);
            var lineSearch = LabSimulation.IsLineSearch(setup.Optimizer);

            // With line search selected the comparison adds it to the fixed-rate optimizers.
            _names = Compare ? [.. ComparisonSet, .. lineSearch ? new[] { LabSimulation.LineSearch } : []] : [setup.Optimizer];
            var options = new SweepOptions
            {
                LrMin = LrMin,
                LrMax = LrMax,
                Count = Math.Clamp(Count, 2, MaxCount),
                Steps = setup.Steps,
                Start = setup.Start,
                BatchSize = Math.Max(1, setup.Batch),
                Seed = setup.Seed,
                Schedule = string.IsNullOrWhiteSpace(setup.Schedule) ? null : ScheduleSpec.ParseLr(setup.Schedule),
            };
            _runners = [.. _names.Select(n => new SweepRunner(surface, StepRules.Create(n, (n == setup.Optimizer ? setup.Options : new OptimizerOptions()) with { Lr = 1 }, setup.Armijo), options))];
            _rows = [.. _runners.Select(r => new SweepRow?[r.Rates.Count])];
            _order = [.. CoarseToFine(options.Count).SelectMany(i => Enumerable.Range(0, _runners.Length).Select(o => (o, i)))];
            Error = null;
        }
        catch (InputException e)
        {
            _runners = [];
            _rows = [];
            _order = [];
            Error = ParameterNames.Say(e);
        }
    }

    /// <summary>Computes rates for about <paramref name="budgetMilliseconds"/>; true once the sweep is complete.</summary>
    public bool Advance(double budgetMilliseconds)
    {
        if (_runners.Length == 0)
        {
            return true;
        }

        var until = _watch.Elapsed.TotalMilliseconds + budgetMilliseconds;
        Span<int> indices = stackalloc int[ChunkRates];
        Span<SweepRow> rows = new SweepRow[ChunkRates];
        do
        {
            // The next rates in coarse-to-fine order, a chunk per optimizer, advanced together where Core can.
            var end = Math.Min(_order.Length, Done + (ChunkRates * _runners.Length));
            for (var o = 0; o < _runners.Length; o++)
            {
                var count = 0;
                for (var at = Done; at < end; at++)
                {
                    if (_order[at].Optimizer == o)
                    {
                        indices[count++] = _order[at].Index;
                    }
                }

                _runners[o].RunMany(indices[..count], rows);
                for (var r = 0; r < count; r++)
                {
                    _rows[o][indices[r]] = rows[r];
                }
            }

            Done = end;
        }
        while (Done < _order.Length && _watch.Elapsed.TotalMilliseconds < until);

        if (FirstSliceMilliseconds == 0)
        {
            FirstSliceMilliseconds = _watch.Elapsed.TotalMilliseconds;
        }

        if (Done < _order.Length)
        {
            return false;
        }

        var sweeps = _runners.Select((r, o) => r.Result([.. _rows[o].Select(row => row!)])).ToArray();
        Result = new SweepComparison(sweeps[0].Surface, sweeps[0].Steps, sweeps);
        Milliseconds = _watch.Elapsed.TotalMilliseconds;
        return true;
    }

    /// <summary>0 .. count − 1 ordered so that every prefix is spread evenly over the range: both ends, then strides 2ᵏ, 2ᵏ⁻¹, … filling the gaps.</summary>
    public static IReadOnlyList<int> CoarseToFine(int count)
    {
        var order = new List<int>(count) { 0 };
        var seen = new bool[count];
        seen[0] = true;
        if (count > 1)
        {
            order.Add(count - 1);
            seen[count - 1] = true;
        }

        var stride = 1;
        while (stride * 2 < count)
        {
            stride *= 2;
        }

        for (; stride >= 1; stride /= 2)
        {
            for (var i = 0; i < count; i += stride)
            {
                if (!seen[i])
                {
                    seen[i] = true;
                    order.Add(i);
                }
            }
        }

        return order;
    }

    /// <summary>Sets the range from text; false (and <see cref="Error"/>) when it is not 0 &lt; min &lt; max.</summary>
    public bool SetRange(string min, string max)
    {
        if (double.TryParse(min, NumberStyles.Float, CultureInfo.InvariantCulture, out var a) && double.TryParse(max, NumberStyles.Float, CultureInfo.InvariantCulture, out var b)
            && a > 0 && b > a && double.IsFinite(b))
        {
            (LrMin, LrMax) = (a, b);
            return true;
        }

        Error = $"rates: '{min}' to '{max}' is not a range of positive numbers, smallest first";
        return false;
    }

    /// <summary>
    /// A chart of <paramref name="metric"/> against the rate: Core's sweep chart (<see cref="Charts.Sweep(string, IReadOnlyList{SweepLine}, SweepMetric)"/>)
    /// of the rows computed so far, with the lab's current rate as the first marker. The SVG download writes this same chart.
    /// </summary>
    public Chart Chart(SweepMetric metric)
    {
        // While slices are still coming in, draw the rows computed so far (they span the range coarse to fine).
        var lines = Result?.Sweeps.Select(s => new SweepLine(s.Optimizer, s.Rows, s.Theory)).ToArray()
            ?? [.. _rows.Select((rows, i) => new SweepLine(
                _names.Length > i ? _names[i] : string.Empty,
                [.. rows.Where(r => r is not null).Select(r => r!)],
                _runners.Length > i ? _runners[i].Theory : TheoryLines.None))];
        var what = metric == SweepMetric.FinalLoss ? "Final loss" : "Steps to converge";
        var chart = Charts.Sweep($"{what} against the rate on {Setup?.Surface} ({Setup?.Steps} steps)", lines, metric);
        if (lines.Length == 0 || Setup is not { } setup || setup.CurrentLr < LrMin || setup.CurrentLr > LrMax)
        {
            return chart;
        }

        // Most telling first: on a narrow chart the labels that would collide with earlier ones are left out.
        return chart with { Markers = [new ChartMarker(setup.CurrentLr, "current rate", Palette.Black) { Dashed = false }, .. chart.Markers] };
    }

    /// <summary>One sentence per optimizer: where it diverges, against theory, and its fastest rate.</summary>
    public IReadOnlyList<string> Findings()
    {
        if (Result is null)
        {
            return [];
        }

        var lines = new List<string>();
        foreach (var sweep in Result.Sweeps)
        {
            var text = new StringBuilder(sweep.Optimizer).Append(": ");
            text.Append(sweep.DivergenceLimit is { } d ? $"diverges from {G(d)}" : "never diverges in this range");
            var theory = sweep.Theory;
            if (theory.Limit is { } t && double.IsFinite(t))
            {
                text.Append($" (theory {theory.MomentumFormula ?? "2/λmax"} = {G(t)})");
            }
            else if (theory.StabilityLimit is { } fixedRate && double.IsFinite(fixedRate) && LabSimulation.IsLineSearch(sweep.Optimizer))
            {
                text.Append($" (a fixed rate diverges from 2/λmax = {G(fixedRate)})");
            }

            text.Append(sweep.BestLr is { } best ? $"; fastest at {G(best)}" : "; no rate converged");
            lines.Add(text.Append('.').ToString());
        }

        return lines;
    }

    /// <summary>The theory lines of the first swept optimizer (available from <see cref="Begin"/> on).</summary>
    public TheoryLines Theory => Result?.Sweeps[0].Theory
        ?? (_runners.Length > 0 ? _runners[0].Theory : TheoryLines.None);

    /// <summary>The rows as CSV (with an optimizer column).</summary>
    public string Csv()
    {
        var text = new StringBuilder("optimizer,lr,finalLoss,stepsToConverge,verdict,pattern\n");
        foreach (var sweep in Result?.Sweeps ?? [])
        {
            foreach (var r in sweep.Rows)
            {
                text.Append(sweep.Optimizer).Append(',').Append(R(r.Lr)).Append(',').Append(R(r.FinalLoss)).Append(',')
                    .Append(r.StepsToConverge?.ToString(CultureInfo.InvariantCulture)).Append(',')
                    .Append(VerdictWord(r.Verdict)).Append(',').Append(r.Pattern.ToString().ToLowerInvariant()).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>The chart of <paramref name="metric"/> as a standalone SVG document.</summary>
    public string Svg(SweepMetric metric) => Result is null ? string.Empty : SvgWriter.Write(Chart(metric));

    private static string VerdictWord(Verdict v) => v switch
    {
        Verdict.TooSmall => "too-small",
        Verdict.JustRight => "just-right",
        Verdict.TooLarge => "too-large",
        _ => "inconclusive",
    };

    private static string G(double v) => v.ToString("G3", CultureInfo.InvariantCulture);

    private static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
