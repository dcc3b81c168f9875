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
using LrLab.Web.Components.Charts;
using ChartMarker = LrLab.Web.Components.Charts.ChartMarker;
using ChartSeries = LrLab.Web.Components.Charts.ChartSeries;
using Palette = LrLab.Web.Components.Charts.Palette;

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

    /// <summary>Milliseconds the last sweep took (computing only).</summary>
    public double Milliseconds { get; private set; }

    /// <summary>Sweeps <paramref name="setup"/> with the panel's range and mode.</summary>
    public void Run(SweepSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        Setup = setup;
        var watch = Stopwatch.StartNew();
        try
        {
            var surface = SurfaceCatalog.Resolve(setup.Surface);
            var names = Compare ? ComparisonSet : [setup.Optimizer];
            var optimizers = names.Select(n => OptimizerFactory.Create(n, n == setup.Optimizer ? setup.Options : new OptimizerOptions())).ToArray();
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
            Result = Sweeper.Compare(surface, optimizers, options);
            Error = null;
        }
        catch (InputException e)
        {
            Result = null;
            Error = e.Message;
        }

        Milliseconds = watch.Elapsed.TotalMilliseconds;
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

    /// <summary>A chart of <paramref name="metric"/> against the rate: one series per optimizer, bands, theory lines, current rate.</summary>
    public ChartModel Chart(SweepMetric metric)
    {
        var sweeps = Result?.Sweeps ?? [];
        var series = sweeps.Select((s, i) => new ChartSeries(
            s.Optimizer,
            Palette.At(i),
            s.Rows.Select(r => metric == SweepMetric.FinalLoss ? Math.Clamp(double.IsNaN(r.FinalLoss) ? Charts.FinalLossCeiling : r.FinalLoss, Charts.FinalLossFloor, Charts.FinalLossCeiling) : r.StepsToConverge ?? double.NaN).ToArray())
        {
            X = s.Rows.Select(r => r.Lr).ToArray(),
            Markers = s.Rows.Count <= 80,
        }).ToArray();
        var first = sweeps.Count > 0 ? sweeps[0] : null;
        var ranges = first?.Bands.Select(b => new ChartRange(b.From, b.To, Charts.Regime(b.Verdict), Charts.RegimeColor(b.Verdict))).ToArray() ?? [];
        var markers = new List<ChartMarker>();
        if (first is not null)
        {
            AddTheory(markers, first.Theory);
            if (Setup is { } setup && setup.CurrentLr >= LrMin && setup.CurrentLr <= LrMax)
            {
                markers.Add(new ChartMarker(setup.CurrentLr, "current rate", "#000000") { Dashed = false });
            }
        }

        var y = metric == SweepMetric.FinalLoss
            ? new ChartAxis("final loss", Log: true) { Min = Charts.FinalLossFloor, Max = Charts.FinalLossCeiling }
            : new ChartAxis("steps to converge", Log: true);
        return new ChartModel(series, new ChartAxis("learning rate", Log: true), y)
        {
            Ranges = ranges,
            Markers = markers,
            ShowLegend = true,
            FormatX = x => x.ToString("G3", CultureInfo.InvariantCulture),
            FormatY = v => metric == SweepMetric.StepsToConverge ? v.ToString("0", CultureInfo.InvariantCulture) : v.ToString("G3", CultureInfo.InvariantCulture),
        };
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
            var theory = sweep.Theory.MomentumLimit ?? (sweep.Optimizer == "sgd" ? sweep.Theory.StabilityLimit : null);
            if (theory is { } t && double.IsFinite(t))
            {
                text.Append(sweep.Theory.MomentumLimit is not null ? $" (theory (2+2β)/λmax = {G(t)})" : $" (theory 2/λmax = {G(t)})");
            }

            text.Append(sweep.BestLr is { } best ? $"; fastest at {G(best)}" : "; no rate converged");
            lines.Add(text.Append('.').ToString());
        }

        return lines;
    }

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
    public string Svg(SweepMetric metric) => Result is null ? string.Empty : SvgWriter.Write(Charts.Sweep(Result, metric));

    private static void AddTheory(List<ChartMarker> markers, TheoryLines theory)
    {
        void Add(double? x, string label, string color)
        {
            if (x is { } v && double.IsFinite(v))
            {
                markers.Add(new ChartMarker(v, label, color));
            }
        }

        Add(theory.MonotoneLimit, "1/λmax", "#555555");
        Add(theory.OptimalRate, "2/(λmin+λmax)", "#555555");
        Add(theory.StabilityLimit, "2/λmax", "#D55E00");
        Add(theory.MomentumLimit, "(2+2β)/λmax", "#CC79A7");
    }

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
