using LrLab.Core.Schedules.Spec;
using static LrLab.Core.ParameterDefault;

namespace LrLab.Core.Schedules;

/// <summary>
/// PyTorch <c>torch.optim.lr_scheduler.ReduceLROnPlateau</c>: after more than <c>patience</c> updates
/// without improvement of the metric, the rate becomes <c>max(lr · factor, min_lr)</c> (skipped when that
/// changes it by no more than <c>eps</c>), followed by <c>cooldown</c> updates in which bad updates are not
/// counted. "Improvement" means beating the best value so far by the threshold:
/// min/rel: <c>m &lt; best·(1 − threshold)</c>; min/abs: <c>m &lt; best − threshold</c>;
/// max/rel: <c>m &gt; best·(1 + threshold)</c>; max/abs: <c>m &gt; best + threshold</c>.
/// </summary>
/// <remarks>
/// There is no closed form: the rate depends on the whole metric history, so <see cref="At"/> replays the
/// metrics from scratch each call. It is still a pure function of (step, base, metrics). Runs fold one metric
/// per update with <see cref="Next"/> instead.
/// </remarks>
public sealed class ReduceLrOnPlateau : IMetricSchedule, IScheduleSpec
{
    internal const string Name = "ReduceLROnPlateau";
    private const double DefaultFactor = 0.1;
    private const int DefaultPatience = 10;
    private const double DefaultThreshold = 1e-4;
    private const int DefaultCooldown = 0;
    private const double DefaultMinLr = 0;
    private const double DefaultEps = 1e-8;
    private const string DefaultMode = "min";
    private const string DefaultThresholdMode = "rel";

    /// <summary>Creates the schedule; <paramref name="factor"/> must be below 1.</summary>
    public ReduceLrOnPlateau(
        PlateauMode mode = PlateauMode.Min,
        double factor = DefaultFactor,
        int patience = DefaultPatience,
        double threshold = DefaultThreshold,
        ThresholdMode thresholdMode = ThresholdMode.Rel,
        int cooldown = DefaultCooldown,
        double minLr = DefaultMinLr,
        double eps = DefaultEps)
    {
        Mode = mode;
        Factor = Check.Finite(Name, "factor", factor) < 1.0 ? factor : throw Check.Fail(Name, "factor", "must be < 1.0", factor);
        Patience = patience;
        Threshold = Check.Finite(Name, "threshold", threshold);
        ThresholdMode = thresholdMode;
        Cooldown = cooldown;
        MinLr = Check.Finite(Name, "min_lr", minLr);
        Eps = Check.Finite(Name, "eps", eps);
    }

    /// <summary><c>mode</c>.</summary>
    public PlateauMode Mode { get; }

    /// <summary><c>factor</c>: new rate = rate · factor.</summary>
    public double Factor { get; }

    /// <summary><c>patience</c>: bad updates tolerated before a reduction.</summary>
    public int Patience { get; }

    /// <summary><c>threshold</c>: how much better counts as better.</summary>
    public double Threshold { get; }

    /// <summary><c>threshold_mode</c>.</summary>
    public ThresholdMode ThresholdMode { get; }

    /// <summary><c>cooldown</c>: updates after a reduction during which bad updates are ignored.</summary>
    public int Cooldown { get; }

    /// <summary><c>min_lr</c>: the floor.</summary>
    public double MinLr { get; }

    /// <summary><c>eps</c>: reductions smaller than this are skipped.</summary>
    public double Eps { get; }

    internal static ScheduleKind Kind { get; } = new(
        new(Name,
        [
            Str("mode", DefaultMode), Float("factor", DefaultFactor), Int("patience", DefaultPatience), Float("threshold", DefaultThreshold),
            Str("threshold_mode", DefaultThresholdMode), Int("cooldown", DefaultCooldown), Float("min_lr", DefaultMinLr), Float("eps", DefaultEps),
        ]),
        a => new ReduceLrOnPlateau(
            a.Choice("mode", "min", "max") == "min" ? PlateauMode.Min : PlateauMode.Max,
            a.Float("factor"),
            a.Int("patience"),
            a.Float("threshold"),
            a.Choice("threshold_mode", "rel", "abs") == "rel" ? ThresholdMode.Rel : ThresholdMode.Abs,
            a.Int("cooldown"),
            a.Float("min_lr"),
            a.Float("eps")));

    string IScheduleSpec.ClassName => Name;

    /// <inheritdoc/>
    public double At(int step, double baseLr, ReadOnlySpan<double> metrics)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        if (metrics.Length < step)
        {
            throw new ArgumentException($"{Name} needs a metric for each of the {step} updates before this one, got {metrics.Length}", nameof(metrics));
        }

        var state = Begin(baseLr);
        foreach (var current in metrics[..step])
        {
            state = Next(state, current);
        }

        return state.Lr;
    }

    /// <inheritdoc/>
    public MetricScheduleState Begin(double baseLr) =>
        new(baseLr, Mode == PlateauMode.Min ? double.PositiveInfinity : double.NegativeInfinity, 0, 0);

    /// <inheritdoc/>
    public MetricScheduleState Next(MetricScheduleState state, double metric)
    {
        var (lr, best, bad, cooldownLeft) = state;
        if (IsBetter(metric, best))
        {
            best = metric;
            bad = 0;
        }
        else
        {
            bad++;
        }

        if (cooldownLeft > 0)
        {
            cooldownLeft--;
            bad = 0;
        }

        if (bad > Patience)
        {
            var reduced = Math.Max(lr * Factor, MinLr);
            if (lr - reduced > Eps)
            {
                lr = reduced;
            }

            cooldownLeft = Cooldown;
            bad = 0;
        }

        return new(lr, best, bad, cooldownLeft);
    }

    /// <inheritdoc/>
    public string ToSpec() => SpecFormat.Call(Name, SpecArgs());

    /// <inheritdoc/>
    public string ToPython() => SpecFormat.Python(Name, SpecArgs());

    /// <inheritdoc/>
    public override string ToString() => ToSpec();

    SpecArgList IScheduleSpec.SpecArgs() => SpecArgs();

    private bool IsBetter(double current, double best) => (Mode, ThresholdMode) switch
    {
        (PlateauMode.Min, ThresholdMode.Rel) => current < best * (1.0 - Threshold),
        (PlateauMode.Min, ThresholdMode.Abs) => current < best - Threshold,
        (PlateauMode.Max, ThresholdMode.Rel) => current > best * (Threshold + 1.0),
        _ => current > best + Threshold,
    };

    private SpecArgList SpecArgs() => new SpecArgList(Kind.Signature)
        .Opt("mode", Mode == PlateauMode.Min ? "min" : "max")
        .Opt("factor", Factor)
        .Opt("patience", Patience)
        .Opt("threshold", Threshold)
        .Opt("threshold_mode", ThresholdMode == ThresholdMode.Rel ? "rel" : "abs")
        .Opt("cooldown", Cooldown)
        .Opt("min_lr", MinLr)
        .Opt("eps", Eps);
}
