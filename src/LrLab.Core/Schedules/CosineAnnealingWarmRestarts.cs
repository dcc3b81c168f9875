using LrLab.Core.Schedules.Spec;
using static LrLab.Core.ParameterDefault;

namespace LrLab.Core.Schedules;

/// <summary>
/// PyTorch <c>torch.optim.lr_scheduler.CosineAnnealingWarmRestarts</c> (SGDR): cosine annealing that
/// jumps back to the base rate at each restart; cycle i lasts <c>T_0 · T_mult^i</c> updates. Closed form:
/// <c>lr(t) = eta_min + (base − eta_min) · (1 + cos(π·T_cur / T_i)) / 2</c>, where T_i is the length of
/// the cycle containing t and T_cur the updates since it began.
/// </summary>
/// <remarks>
/// We locate the cycle with integer arithmetic, as PyTorch's per-step counter does. (Its
/// <c>step(epoch)</c> path uses a floating-point logarithm instead, which can misplace a boundary; the
/// plain <c>step()</c> loop we mirror does not.)
/// </remarks>
public sealed class CosineAnnealingWarmRestarts : ILrSchedule, IScheduleSpec
{
    internal const string Name = "CosineAnnealingWarmRestarts";
    private const int DefaultTMult = 1;
    private const double DefaultEtaMin = 0;

    /// <summary>Creates the schedule; <paramref name="t0"/> ≥ 1 and <paramref name="tMult"/> ≥ 1.</summary>
    public CosineAnnealingWarmRestarts(int t0, int tMult = DefaultTMult, double etaMin = DefaultEtaMin)
    {
        T0 = Check.PositiveInt(Name, "T_0", t0);
        TMult = tMult >= 1 ? tMult : throw Check.Fail(Name, "T_mult", "must be an integer >= 1", tMult);
        EtaMin = Check.Finite(Name, "eta_min", etaMin);
    }

    /// <summary><c>T_0</c>: the length of the first cycle.</summary>
    public int T0 { get; }

    /// <summary><c>T_mult</c>: each cycle is this many times longer than the previous.</summary>
    public int TMult { get; }

    /// <summary><c>eta_min</c>: the lowest rate.</summary>
    public double EtaMin { get; }

    internal static ScheduleKind Kind { get; } = new(new(Name, [Required("T_0"), Int("T_mult", DefaultTMult), Float("eta_min", DefaultEtaMin)]),
        a => new CosineAnnealingWarmRestarts(a.Int("T_0"), a.Int("T_mult"), a.Float("eta_min")));

    string IScheduleSpec.ClassName => Name;

    /// <inheritdoc/>
    public double At(int step, double baseLr)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        long cur = step, length = T0;
        if (TMult == 1)
        {
            cur = step % T0;
        }
        else
        {
            while (cur >= length)
            {
                cur -= length;
                length *= TMult;
            }
        }

        return EtaMin + ((baseLr - EtaMin) * (1 + Math.Cos(Math.PI * cur / length)) / 2);
    }

    /// <inheritdoc/>
    public string ToSpec() => SpecFormat.Call(Name, SpecArgs());

    /// <inheritdoc/>
    public string ToPython() => SpecFormat.Python(Name, SpecArgs());

    /// <inheritdoc/>
    public override string ToString() => ToSpec();

    SpecArgList IScheduleSpec.SpecArgs() => SpecArgs();

    private SpecArgList SpecArgs() => new SpecArgList(Kind.Signature)
        .Req("T_0", SpecFormat.Int(T0))
        .Opt("T_mult", TMult)
        .Opt("eta_min", EtaMin);
}
