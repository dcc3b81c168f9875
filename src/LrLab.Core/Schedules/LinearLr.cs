using LrLab.Core.Schedules.Spec;
using static LrLab.Core.ParameterDefault;

namespace LrLab.Core.Schedules;

/// <summary>
/// PyTorch <c>torch.optim.lr_scheduler.LinearLR</c>: the scale moves in a straight line from
/// <c>start_factor</c> to <c>end_factor</c> over <c>total_iters</c> updates, then holds. Closed form:
/// <c>lr(t) = base · (start + (end − start) · min(t, total_iters) / total_iters)</c>.
/// </summary>
/// <remarks>
/// PyTorch computes this as a running product of ratios; mathematically that is the line above, and
/// numerically it agrees to a few ulps. With <c>total_iters=0</c> PyTorch applies <c>start_factor</c> at
/// step 0 and then never changes the rate, which we mirror. <c>start_factor=0</c> is rejected: PyTorch
/// 1.13 accepts it but divides by zero at the first step.
/// </remarks>
public sealed class LinearLr : ILrSchedule, IScheduleSpec
{
    internal const string Name = "LinearLR";
    private const double DefaultStartFactor = 1.0 / 3;
    private const double DefaultEndFactor = 1.0;
    private const int DefaultTotalIters = 5;

    /// <summary>Creates the schedule; start factor in (0, 1], end factor in [0, 1].</summary>
    public LinearLr(double startFactor = DefaultStartFactor, double endFactor = DefaultEndFactor, int totalIters = DefaultTotalIters)
    {
        StartFactor = Check.InRange(Name, "start_factor", startFactor, 0, 1);
        if (startFactor == 0)
        {
            throw Check.Fail(Name, "start_factor", "must be greater than 0 (PyTorch divides by it)", startFactor);
        }

        EndFactor = Check.InRange(Name, "end_factor", endFactor, 0, 1);
        TotalIters = Check.NonNegativeInt(Name, "total_iters", totalIters);
    }

    /// <summary><c>start_factor</c>: the scale at update 0.</summary>
    public double StartFactor { get; }

    /// <summary><c>end_factor</c>: the scale from update <c>total_iters</c> on.</summary>
    public double EndFactor { get; }

    /// <summary><c>total_iters</c>: the length of the ramp in updates.</summary>
    public int TotalIters { get; }

    internal static ScheduleKind Kind { get; } = new(new(Name, [Float("start_factor", DefaultStartFactor), Float("end_factor", DefaultEndFactor), Int("total_iters", DefaultTotalIters)]),
        a => new LinearLr(a.Float("start_factor"), a.Float("end_factor"), a.Int("total_iters")));

    string IScheduleSpec.ClassName => Name;

    /// <inheritdoc/>
    public double At(int step, double baseLr)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        if (step == 0 || TotalIters == 0)
        {
            return baseLr * StartFactor;
        }

        var k = Math.Min(step, TotalIters);
        return baseLr * (StartFactor + ((EndFactor - StartFactor) * k / TotalIters));
    }

    /// <inheritdoc/>
    public string ToSpec() => SpecFormat.Call(Name, SpecArgs());

    /// <inheritdoc/>
    public string ToPython() => SpecFormat.Python(Name, SpecArgs());

    /// <inheritdoc/>
    public override string ToString() => ToSpec();

    SpecArgList IScheduleSpec.SpecArgs() => SpecArgs();

    private SpecArgList SpecArgs() => new SpecArgList(Kind.Signature)
        .Opt("start_factor", StartFactor)
        .Opt("end_factor", EndFactor)
        .Opt("total_iters", TotalIters);
}
