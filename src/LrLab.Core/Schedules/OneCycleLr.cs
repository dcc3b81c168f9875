using System.Globalization;
using LrLab.Core.Schedules.Spec;
using static LrLab.Core.ParameterDefault;

namespace LrLab.Core.Schedules;

/// <summary>
/// PyTorch <c>torch.optim.lr_scheduler.OneCycleLR</c> (1cycle): up from <c>max_lr/div_factor</c> to
/// <c>max_lr</c> over the first <c>pct_start</c> of the run, then down to
/// <c>max_lr/(div_factor·final_div_factor)</c>. Each phase anneals from a to b with
/// <c>cos: b + (a − b)/2 · (1 + cos(π·p))</c> or <c>linear: a + (b − a)·p</c>, p = (t − start)/(end − start).
/// Phase ends: <c>pct_start·N − 1</c> and <c>N − 1</c>; with <c>three_phase</c>:
/// <c>pct_start·N − 1</c> (up), <c>2·pct_start·N − 2</c> (back to the initial rate), <c>N − 1</c> (down to the minimum).
/// </summary>
/// <remarks>
/// Like PyTorch, it ignores the optimizer's base rate. The phase ends are PyTorch's (note the "− 1" and
/// "− 2": the peak falls one update before <c>pct_start·N</c>), and the last phase is extrapolated at
/// t = N, the one step past its end that PyTorch allows. Stepping further raises in PyTorch, so
/// <see cref="At"/> throws there too. The momentum parameters are kept only so specs round-trip; they do
/// not change the rate.
/// </remarks>
public sealed class OneCycleLr : ILrSchedule, IScheduleSpec
{
    internal const string Name = "OneCycleLR";
    private const double DefaultPctStart = 0.3;
    private const double DefaultDivFactor = 25;
    private const double DefaultFinalDivFactor = 1e4;
    private const double DefaultBaseMomentum = 0.85;
    private const double DefaultMaxMomentum = 0.95;
    private const string DefaultAnnealStrategy = "cos";
    private const bool DefaultCycleMomentum = true;
    private const bool DefaultThreePhase = false;
    private readonly (double End, double From, double To)[] _phases;

    /// <summary>
    /// Creates the schedule. Give <paramref name="totalSteps"/>, or both <paramref name="epochs"/> and
    /// <paramref name="stepsPerEpoch"/> (PyTorch's precedence: total_steps wins).
    /// </summary>
    public OneCycleLr(
        double maxLr,
        int? totalSteps = null,
        int? epochs = null,
        int? stepsPerEpoch = null,
        double pctStart = DefaultPctStart,
        AnnealStrategy annealStrategy = AnnealStrategy.Cos,
        double divFactor = DefaultDivFactor,
        double finalDivFactor = DefaultFinalDivFactor,
        bool threePhase = DefaultThreePhase,
        bool cycleMomentum = DefaultCycleMomentum,
        double baseMomentum = DefaultBaseMomentum,
        double maxMomentum = DefaultMaxMomentum)
    {
        MaxLr = Check.Finite(Name, "max_lr", maxLr);
        if (totalSteps is int total)
        {
            TotalSteps = Check.PositiveInt(Name, "total_steps", total);
        }
        else if (epochs is int e && stepsPerEpoch is int s)
        {
            Check.PositiveInt(Name, "epochs", e);
            Check.PositiveInt(Name, "steps_per_epoch", s);
            TotalSteps = (long)e * s <= int.MaxValue ? e * s : throw Check.Fail(Name, "epochs", "times steps_per_epoch is too large", e);
        }
        else
        {
            throw new InputException($"{Name}: total_steps must be given, or both epochs and steps_per_epoch");
        }

        GivenTotalSteps = totalSteps;
        Epochs = epochs;
        StepsPerEpoch = stepsPerEpoch;
        PctStart = Check.InRange(Name, "pct_start", pctStart, 0, 1);
        AnnealStrategy = annealStrategy;
        DivFactor = NonZero("div_factor", divFactor);
        FinalDivFactor = NonZero("final_div_factor", finalDivFactor);
        ThreePhase = threePhase;
        CycleMomentum = cycleMomentum;
        BaseMomentum = Check.Finite(Name, "base_momentum", baseMomentum);
        MaxMomentum = Check.Finite(Name, "max_momentum", maxMomentum);

        var initial = MaxLr / DivFactor;
        var min = initial / FinalDivFactor;
        var n = TotalSteps;
        _phases = ThreePhase
            ? [((PctStart * n) - 1, initial, MaxLr), ((2 * PctStart * n) - 2, MaxLr, initial), (n - 1, initial, min)]
            : [((PctStart * n) - 1, initial, MaxLr), (n - 1, MaxLr, min)];
        var start = 0.0;
        foreach (var phase in _phases)
        {
            if (phase.End - start == 0)
            {
                throw Check.Fail(Name, "pct_start", string.Create(CultureInfo.InvariantCulture,
                    $"with total_steps={TotalSteps} leaves a phase of zero length (PyTorch divides by zero there)"), PctStart);
            }

            start = phase.End;
        }
    }

    /// <summary><c>max_lr</c>: the peak rate.</summary>
    public double MaxLr { get; }

    /// <summary>The number of updates in the cycle (<c>total_steps</c>, or <c>epochs · steps_per_epoch</c>).</summary>
    public int TotalSteps { get; }

    /// <summary><c>total_steps</c> as given (null when epochs and steps_per_epoch were used).</summary>
    public int? GivenTotalSteps { get; }

    /// <summary><c>epochs</c>, if given.</summary>
    public int? Epochs { get; }

    /// <summary><c>steps_per_epoch</c>, if given.</summary>
    public int? StepsPerEpoch { get; }

    /// <summary><c>pct_start</c>: the fraction of the cycle spent rising.</summary>
    public double PctStart { get; }

    /// <summary><c>anneal_strategy</c>.</summary>
    public AnnealStrategy AnnealStrategy { get; }

    /// <summary><c>div_factor</c>: initial rate = max_lr / div_factor.</summary>
    public double DivFactor { get; }

    /// <summary><c>final_div_factor</c>: final rate = initial rate / final_div_factor.</summary>
    public double FinalDivFactor { get; }

    /// <summary><c>three_phase</c>: rise, symmetric fall back to the initial rate, then a final fall.</summary>
    public bool ThreePhase { get; }

    /// <summary><c>cycle_momentum</c> (no effect on the rate).</summary>
    public bool CycleMomentum { get; }

    /// <summary><c>base_momentum</c> (no effect on the rate).</summary>
    public double BaseMomentum { get; }

    /// <summary><c>max_momentum</c> (no effect on the rate).</summary>
    public double MaxMomentum { get; }

    internal static ScheduleKind Kind { get; } = new(
        new(Name,
        [
            Required("max_lr"), None("total_steps"), None("epochs"), None("steps_per_epoch"), Float("pct_start", DefaultPctStart),
            Str("anneal_strategy", DefaultAnnealStrategy), Bool("cycle_momentum", DefaultCycleMomentum),
            Float("base_momentum", DefaultBaseMomentum), Float("max_momentum", DefaultMaxMomentum), Float("div_factor", DefaultDivFactor),
            Float("final_div_factor", DefaultFinalDivFactor), Bool("three_phase", DefaultThreePhase),
        ]),
        a => new OneCycleLr(
            a.Float("max_lr"),
            a.IntOrNone("total_steps"),
            a.IntOrNone("epochs"),
            a.IntOrNone("steps_per_epoch"),
            a.Float("pct_start"),
            a.Choice("anneal_strategy", "cos", "linear") == "cos" ? AnnealStrategy.Cos : AnnealStrategy.Linear,
            a.Float("div_factor"),
            a.Float("final_div_factor"),
            a.Bool("three_phase"),
            a.Bool("cycle_momentum"),
            a.Float("base_momentum"),
            a.Float("max_momentum")));

    string IScheduleSpec.ClassName => Name;

    /// <inheritdoc/>
    public int? LastStep => TotalSteps;

    /// <inheritdoc/>
    /// <exception cref="InputException">When <paramref name="step"/> is past <see cref="TotalSteps"/>.</exception>
    public double At(int step, double baseLr)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        if (step > TotalSteps)
        {
            throw new InputException(string.Create(CultureInfo.InvariantCulture,
                $"{Name}: step {step} is past total_steps={TotalSteps} (PyTorch raises when stepped more than total_steps times)"));
        }

        var start = 0.0;
        for (var i = 0; i < _phases.Length; i++)
        {
            var (end, from, to) = _phases[i];
            if (step <= end || i == _phases.Length - 1)
            {
                var pct = (step - start) / (end - start);
                return AnnealStrategy == AnnealStrategy.Cos
                    ? to + ((from - to) / 2.0 * (Math.Cos(Math.PI * pct) + 1))
                    : ((to - from) * pct) + from;
            }

            start = end;
        }

        throw new InvalidOperationException("unreachable: the last phase always matches");
    }

    /// <inheritdoc/>
    public string ToSpec() => SpecFormat.Call(Name, SpecArgs());

    /// <inheritdoc/>
    public string ToPython() => SpecFormat.Python(Name, SpecArgs());

    /// <inheritdoc/>
    public override string ToString() => ToSpec();

    SpecArgList IScheduleSpec.SpecArgs() => SpecArgs();

    private static double NonZero(string name, double value) =>
        Check.Finite(Name, name, value) != 0 ? value : throw Check.Fail(Name, name, "must not be 0 (PyTorch divides by it)", value);

    private SpecArgList SpecArgs()
    {
        var args = new SpecArgList(Kind.Signature).Req("max_lr", SpecFormat.Float(MaxLr));
        if (GivenTotalSteps is int total)
        {
            args.Req("total_steps", SpecFormat.Int(total));
        }

        if (Epochs is int e)
        {
            args.Req("epochs", SpecFormat.Int(e));
        }

        if (StepsPerEpoch is int s)
        {
            args.Req("steps_per_epoch", SpecFormat.Int(s));
        }

        return args
            .Opt("pct_start", PctStart)
            .Opt("anneal_strategy", AnnealStrategy == AnnealStrategy.Cos ? "cos" : "linear")
            .Opt("cycle_momentum", CycleMomentum)
            .Opt("base_momentum", BaseMomentum)
            .Opt("max_momentum", MaxMomentum)
            .Opt("div_factor", DivFactor)
            .Opt("final_div_factor", FinalDivFactor)
            .Opt("three_phase", ThreePhase);
    }
}
