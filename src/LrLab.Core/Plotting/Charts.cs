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
            r.Steps.Select(p => (double)p.Step).ToArray(),
            r.Steps.Select(p => p.Loss).ToArray())).ToArray();
        var log = runs.All(r => r.Steps.All(p => !double.IsFinite(p.Loss) || p.Loss > 0));
        var surface = runs.Count > 0 ? runs[0].Surface : string.Empty;
        return new Chart(title ?? $"Loss on {surface}", new Axis("step"), new Axis("loss", log), series);
    }

    /// <summary>
    /// A sweep's outcome against the rate on log axes: one series per optimizer, the first sweep's regimes shaded,
    /// the theory lines dashed (most telling first: 2/λmax, each momentum limit, 1/λmax, the best fixed rate).
    /// </summary>
    public static Chart Sweep(SweepComparison comparison, SweepMetric metric = SweepMetric.FinalLoss)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var title = metric == SweepMetric.FinalLoss ? "Final loss" : "Steps to converge";
        return Sweep(
            $"{title} against the rate on {comparison.Surface} ({comparison.Steps} steps)",
            [.. comparison.Sweeps.Select(s => new SweepLine(s.Optimizer, s.Rows, s.Theory))],
            metric);
    }

    /// <summary>
    /// The sweep chart of <paramref name="sweeps"/>, which may still be filling in (the web draws the rows computed so
    /// far): what <see cref="Sweep(SweepComparison, SweepMetric)"/> draws, and the page's chart on screen.
    /// </summary>
    public static Chart Sweep(string title, IReadOnlyList<SweepLine> sweeps, SweepMetric metric)
    {
        ArgumentNullException.ThrowIfNull(sweeps);
        var series = sweeps.Select(s => new ChartSeries(
            s.Optimizer,
            s.Rows.Select(r => r.Lr).ToArray(),
            s.Rows.Select(r => metric == SweepMetric.FinalLoss ? Clamp(r.FinalLoss) : r.StepsToConverge is { } k ? k : double.NaN).ToArray(),
            markers: s.Rows.Count <= 80)).ToArray();
        var first = sweeps.Count > 0 && sweeps[0].Rows.Count > 0 ? sweeps[0] : null;
        var bands = first is null ? [] : Sweeper.Bands(first.Rows).Select(b => new ChartBand(b.From, b.To, Regime(b.Verdict, sweeps.Count > 1 ? first.Optimizer : null), RegimeColor(b.Verdict))).ToArray();
        // Diverged runs end near 1e300 and converged ones near 1e-300: show the 30 decades that tell the story.
        var yAxis = metric == SweepMetric.FinalLoss
            ? new Axis("final loss", true, FinalLossFloor, FinalLossCeiling)
            : new Axis("steps to converge", true);
        return new Chart(title, new Axis("learning rate", true), yAxis, series)
        {
            Bands = bands,
            Markers = sweeps.Count == 0 ? [] : TheoryMarkers(sweeps),
            ShowLegend = true,
            FormatX = x => x.ToString("G3", CultureInfo.InvariantCulture),
            FormatY = v => v.ToString(metric == SweepMetric.StepsToConverge ? "0" : "G3", CultureInfo.InvariantCulture),
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
            .Select(r => new ChartSeries(RunLabel(r), r.Smoothed.Select(p => p.Step).ToArray(), r.Smoothed.Select(p => p.Loss).ToArray(), markers: r.Smoothed.Count <= 30))
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

    /// <summary>The rate each update uses under a schedule (the schedule designer's chart on screen and in its download).</summary>
    public static Chart Schedule(string spec, IReadOnlyList<double> rates, bool logRate = false)
    {
        ArgumentNullException.ThrowIfNull(rates);
        return new Chart(spec, new Axis("update"), new Axis("learning rate", logRate), [new ChartSeries("learning rate", rates.ToArray())])
        {
            FormatX = x => x.ToString("0", CultureInfo.InvariantCulture),
            FormatY = y => y.ToString("G5", CultureInfo.InvariantCulture),
        };
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

    private static ChartMarker[] TheoryMarkers(IReadOnlyList<SweepLine> sweeps)
    {
        var theory = sweeps[0].Theory;
        var markers = new List<ChartMarker>();
        Add(theory.StabilityLimit, "2/λmax", Palette.TooLarge);
        foreach (var sweep in sweeps)
        {
            if (sweep.Theory.MomentumLimit is { } m && !markers.Any(x => x.X == m))
            {
                var formula = sweep.Theory.MomentumFormula ?? "(2+2β)/λmax";
                Add(m, sweeps.Count > 1 ? $"{formula} ({sweep.Optimizer})" : formula, Palette.ReddishPurple);
            }
        }

        Add(theory.MonotoneLimit, "1/λmax", Palette.Reference);
        Add(theory.OptimalRate, "2/(λmin+λmax)", Palette.Reference);
        return [.. markers];

        void Add(double? x, string label, string color)
        {
            if (x is { } v && double.IsFinite(v))
            {
                markers.Add(new ChartMarker(v, label, color));
            }
        }
    }
}
