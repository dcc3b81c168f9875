using LrLab.Core.Schedules.Spec;
using static LrLab.Core.ParameterDefault;

namespace LrLab.Core.Schedules;

/// <summary>
/// PyTorch <c>torch.optim.lr_scheduler.ConstantLR</c>: the rate is scaled by <c>factor</c> for the first
/// <c>total_iters</c> updates, then returns to the base. Closed form:
/// <c>lr(t) = base · factor</c> for t &lt; total_iters, <c>base · factor · (1/factor)</c> afterwards.
/// </summary>
/// <remarks>
/// Two quirks of PyTorch's step-by-step form are mirrored: the restore multiplies by <c>1/factor</c>
/// (not exactly 1 in floating point), and with <c>total_iters=0</c> the restore never happens, so the
/// rate stays at <c>base · factor</c> forever. A factor of 0 is rejected when a restore would divide by it.
/// </remarks>
public sealed class ConstantLr : ILrSchedule, IScheduleSpec
{
    internal const string Name = "ConstantLR";
    private const double DefaultFactor = 1.0 / 3;
    private const int DefaultTotalIters = 5;

    /// <summary>Creates the schedule; <paramref name="factor"/> in [0, 1] (positive if total_iters &gt; 0).</summary>
    public ConstantLr(double factor = DefaultFactor, int totalIters = DefaultTotalIters)
    {
        Factor = Check.InRange(Name, "factor", factor, 0, 1);
        TotalIters = Check.NonNegativeInt(Name, "total_iters", totalIters);
        if (factor == 0 && totalIters > 0)
        {
            throw Check.Fail(Name, "factor", "must be greater than 0 when total_iters > 0 (PyTorch divides by it)", factor);
        }
    }

    /// <summary><c>factor</c>: the scale applied before <c>total_iters</c>.</summary>
    public double Factor { get; }

    /// <summary><c>total_iters</c>: the update index at which the base rate returns.</summary>
    public int TotalIters { get; }

    internal static ScheduleKind Kind { get; } = new(new(Name, [Float("factor", DefaultFactor), Int("total_iters", DefaultTotalIters)]),
        a => new ConstantLr(a.Float("factor"), a.Int("total_iters")));

    string IScheduleSpec.ClassName => Name;

    /// <inheritdoc/>
    public double At(int step, double baseLr)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        var scaled = baseLr * Factor;
        return TotalIters == 0 || step < TotalIters ? scaled : scaled * (1.0 / Factor);
    }

    /// <inheritdoc/>
    public string ToSpec() => SpecFormat.Call(Name, SpecArgs());

    /// <inheritdoc/>
    public string ToPython() => SpecFormat.Python(Name, SpecArgs());

    /// <inheritdoc/>
    public override string ToString() => ToSpec();

    SpecArgList IScheduleSpec.SpecArgs() => SpecArgs();

    private SpecArgList SpecArgs() => new SpecArgList(Kind.Signature).Opt("factor", Factor).Opt("total_iters", TotalIters);
}
