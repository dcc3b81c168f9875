using System.Globalization;
using LrLab.Core.Simulation;
using LrLab.Core.Sweep;

namespace LrLab.Core.Plotting;

/// <summary>The standard charts of the lab's results, as <see cref="Chart"/> data for <see cref="SvgWriter"/> (CLI <c>--plot</c>, web downloads).</summary>
public static class Charts
{
    /// <summary>Loss against step for one or more runs; a log loss axis when every loss is positive.</summary>
    public static Chart Trajectories(IReadOnlyList<Trajectory> runs, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var series = runs.Select(r => new ChartSeries(
            string.Create(CultureInfo.InvariantCulture, $"{r.Optimizer}, lr {r.Lr:G4}"),
            [.. r.Steps.Select(p => (double)p.Step)],
            [.. r.Steps.Select(p => p.Loss)])).ToArray();
        var log = runs.All(r => r.Steps.All(p => !double.IsFinite(p.Loss) || p.Loss > 0));
        var surface = runs.Count > 0 ? runs[0].Surface : string.Empty;
        return new Chart(title ?? $"Loss on {surface}", new Axis("step"), new Axis("loss", log), series);
    }

    /// <summary>
    /// A sweep's outcome against the rate on log axes: one series per optimizer, the first sweep's regimes shaded,
    /// the theory lines of the first sweep (and any momentum limit) dashed.
    /// </summary>
    public static Chart Sweep(SweepComparison comparison, SweepMetric metric = SweepMetric.FinalLoss)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var series = comparison.Sweeps.Select(s => new ChartSeries(
            s.Optimizer,
            [.. s.Rows.Select(r => r.Lr)],
            [.. s.Rows.Select(r => metric == SweepMetric.FinalLoss ? Clamp(r.FinalLoss) : r.StepsToConverge is { } k ? k : double.NaN)],
            Markers: true)).ToArray();
        var first = comparison.Sweeps.Count > 0 ? comparison.Sweeps[0] : null;
        var bands = first?.Bands.Select(b => new ChartBand(b.From, b.To, Regime(b.Verdict, comparison.Sweeps.Count > 1 ? first.Optimizer : null), RegimeColor(b.Verdict))).ToArray() ?? [];
        // Diverged runs end near 1e300 and converged ones near 1e-300: show the 30 decades that tell the story.
        var yAxis = metric == SweepMetric.FinalLoss
            ? new Axis("final loss (shown from 1e-20 to 1e10)", true, FinalLossFloor, FinalLossCeiling)
            : new Axis("steps to converge", true);
        var title = metric == SweepMetric.FinalLoss ? "Final loss" : "Steps to converge";
        return new Chart($"{title} against the rate on {comparison.Surface} ({comparison.Steps} steps)", new Axis("learning rate", true), yAxis, series)
        {
            Bands = bands,
            Markers = first is null ? [] : TheoryMarkers(comparison),
        };
    }

    /// <summary>Lowest final loss a sweep chart shows; smaller values sit on the bottom edge.</summary>
    public const double FinalLossFloor = 1e-20;

    /// <summary>Highest final loss a sweep chart shows; diverged runs leave through the top edge.</summary>
    public const double FinalLossCeiling = 1e10;

    /// <summary>
    /// Several diagnosed runs overlaid: each run's smoothed loss against step, named by its rate (or source) and
    /// verdict; a log loss axis when every loss is positive.
    /// </summary>
    public static Chart Runs(Diagnosis.Comparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var series = comparison.Runs
            .OrderByDescending(r => r.Lr ?? 0)
            .Select(r => new ChartSeries(RunLabel(r), [.. r.Smoothed.Select(p => p.Step)], [.. r.Smoothed.Select(p => p.Loss)], Markers: r.Smoothed.Count <= 30))
            .ToArray();
        // A log axis only when the losses span well over a decade (a blown-up run beside healthy ones).
        var losses = comparison.Runs.SelectMany(r => r.Smoothed.Select(p => p.Loss)).Where(double.IsFinite).ToArray();
        var log = losses.Length > 1 && losses.All(v => v > 0) && losses.Max() / losses.Min() > 50;
        return new Chart("Loss of each run (smoothed)", new Axis("step"), new Axis("loss", log), series);
    }

    /// <summary>A run's legend text (short enough for the legend): its rate (or source), its verdict, and "best" for the best one.</summary>
    public static string RunLabel(Diagnosis.RunDiagnosis run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var name = run.Lr is { } lr ? string.Create(CultureInfo.InvariantCulture, $"lr {lr:G4}") : run.Source;
        return $"{name}: {Regime(run.Verdict)}{(run.Rank == 1 && run.FinalLoss is not null ? " (best)" : string.Empty)}";
    }

    /// <summary>The rate each update uses under a schedule.</summary>
    public static Chart Schedule(string spec, IReadOnlyList<double> rates, bool logRate = false)
    {
        ArgumentNullException.ThrowIfNull(rates);
        return new Chart(spec, new Axis("step"), new Axis("learning rate", logRate), [new ChartSeries("lr", [.. Enumerable.Range(0, rates.Count).Select(t => (double)t)], rates)]);
    }

    /// <summary>The regime in words, as the legend and the lab say it.</summary>
    public static string Regime(Verdict verdict, string? optimizer = null)
    {
        var words = verdict switch
        {
            Verdict.TooSmall => "too small",
            Verdict.JustRight => "just right",
            Verdict.TooLarge => "too large",
            _ => "inconclusive",
        };
        return optimizer is null ? words : $"{words} ({optimizer})";
    }

    /// <summary>The band colour of a regime.</summary>
    public static string RegimeColor(Verdict verdict) => verdict switch
    {
        Verdict.TooSmall => Palette.TooSmall,
        Verdict.JustRight => Palette.JustRight,
        Verdict.TooLarge => Palette.TooLarge,
        _ => Palette.Inconclusive,
    };

    /// <summary>Pins a final loss to the shown range (a run that blew up sits on the top edge).</summary>
    private static double Clamp(double loss) => double.IsNaN(loss) ? FinalLossCeiling : Math.Clamp(loss, FinalLossFloor, FinalLossCeiling);

    private static ChartMarker[] TheoryMarkers(SweepComparison comparison)
    {
        var theory = comparison.Sweeps[0].Theory;
        var markers = new List<ChartMarker>();
        Add(theory.MonotoneLimit, "1/λmax");
        Add(theory.OptimalRate, "2/(λmin+λmax)");
        Add(theory.StabilityLimit, "2/λmax");
        foreach (var sweep in comparison.Sweeps)
        {
            if (sweep.Theory.MomentumLimit is { } m && !markers.Any(x => x.X == m))
            {
                markers.Add(new ChartMarker(m, string.Create(CultureInfo.InvariantCulture, $"momentum limit, β {sweep.Theory.Momentum:G3}")));
            }
        }

        return [.. markers];

        void Add(double? x, string label)
        {
            if (x is { } v && double.IsFinite(v))
            {
                markers.Add(new ChartMarker(v, label));
            }
        }
    }
}
