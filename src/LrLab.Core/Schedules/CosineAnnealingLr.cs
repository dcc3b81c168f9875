using LrLab.Core.Schedules.Spec;
using static LrLab.Core.ParameterDefault;

namespace LrLab.Core.Schedules;

/// <summary>
/// PyTorch <c>torch.optim.lr_scheduler.CosineAnnealingLR</c>: half a cosine from the base rate down to
/// <c>eta_min</c> over <c>T_max</c> updates. Closed form:
/// <c>lr(t) = eta_min + (base − eta_min) · (1 + cos(π·t / T_max)) / 2</c>.
/// </summary>
/// <remarks>
/// Past <c>T_max</c> PyTorch does not hold at <c>eta_min</c>: its recursive form keeps following the same
/// cosine, so the rate climbs back to the base by <c>2·T_max</c> and repeats with period <c>2·T_max</c>.
/// At the updates right after each minimum (t ≡ T_max + 1 mod 2·T_max) the recursion would divide by
/// zero, so PyTorch adds <c>(base − eta_min)(1 − cos(π/T_max))/2</c> to <c>eta_min</c> instead; we use
/// that same expression there so the values agree in floating point, not only in exact arithmetic.
/// </remarks>
public sealed class CosineAnnealingLr : ILrSchedule, IScheduleSpec
{
    internal const string Name = "CosineAnnealingLR";
    private const double DefaultEtaMin = 0;

    /// <summary>Creates the schedule; <paramref name="tMax"/> must be positive.</summary>
    public CosineAnnealingLr(int tMax, double etaMin = DefaultEtaMin)
    {
        TMax = Check.PositiveInt(Name, "T_max", tMax);
        EtaMin = Check.Finite(Name, "eta_min", etaMin);
    }

    /// <summary><c>T_max</c>: updates from the base rate down to <c>eta_min</c>.</summary>
    public int TMax { get; }

    /// <summary><c>eta_min</c>: the lowest rate.</summary>
    public double EtaMin { get; }

    internal static ScheduleKind Kind { get; } = new(new(Name, [Required("T_max"), Float("eta_min", DefaultEtaMin)]),
        a => new CosineAnnealingLr(a.Int("T_max"), a.Float("eta_min")));

    string IScheduleSpec.ClassName => Name;

    /// <inheritdoc/>
    public double At(int step, double baseLr)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        if (step == 0)
        {
            return baseLr;
        }

        if (((long)step - 1 - TMax) % (2L * TMax) == 0)
        {
            return EtaMin + ((baseLr - EtaMin) * (1 - Math.Cos(Math.PI / TMax)) / 2);
        }

        return EtaMin + ((baseLr - EtaMin) * (1 + Math.Cos(Math.PI * step / TMax)) / 2);
    }

    /// <inheritdoc/>
    public string ToSpec() => SpecFormat.Call(Name, SpecArgs());

    /// <inheritdoc/>
    public string ToPython() => SpecFormat.Python(Name, SpecArgs());

    /// <inheritdoc/>
    public override string ToString() => ToSpec();

    SpecArgList IScheduleSpec.SpecArgs() => SpecArgs();

    private SpecArgList SpecArgs() => new SpecArgList(Kind.Signature).Req("T_max", SpecFormat.Int(TMax)).Opt("eta_min", EtaMin);
}
