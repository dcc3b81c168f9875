using LrLab.Core.Schedules.Spec;
using static LrLab.Core.ParameterDefault;

namespace LrLab.Core.Schedules;

/// <summary>
/// PyTorch <c>torch.optim.lr_scheduler.PolynomialLR</c>: the rate falls along a polynomial to 0 over
/// <c>total_iters</c> updates and stays there. Closed form:
/// <c>lr(t) = base · (1 − min(t, total_iters) / total_iters)^power</c>.
/// </summary>
/// <remarks>
/// PyTorch applies <c>power</c> to the ratio of consecutive terms and multiplies them up; the product
/// telescopes to the closed form, so <c>power</c> shapes the whole curve (not only the last step).
/// With <c>total_iters=0</c> PyTorch never changes the rate; we mirror that. A negative power is
/// rejected because PyTorch would divide by zero at <c>total_iters</c>.
/// </remarks>
public sealed class PolynomialLr : ILrSchedule, IScheduleSpec
{
    internal const string Name = "PolynomialLR";
    private const int DefaultTotalIters = 5;
    private const double DefaultPower = 1.0;

    /// <summary>Creates the schedule.</summary>
    public PolynomialLr(int totalIters = DefaultTotalIters, double power = DefaultPower)
    {
        TotalIters = Check.NonNegativeInt(Name, "total_iters", totalIters);
        Power = Check.Finite(Name, "power", power);
        if (power < 0)
        {
            throw Check.Fail(Name, "power", "must be non-negative", power);
        }
    }

    /// <summary><c>total_iters</c>: updates until the rate reaches 0.</summary>
    public int TotalIters { get; }

    /// <summary><c>power</c>: the exponent of the polynomial.</summary>
    public double Power { get; }

    internal static ScheduleKind Kind { get; } = new(new(Name, [Int("total_iters", DefaultTotalIters), Float("power", DefaultPower)]),
        a => new PolynomialLr(a.Int("total_iters"), a.Float("power")));

    string IScheduleSpec.ClassName => Name;

    /// <inheritdoc/>
    public double At(int step, double baseLr)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        if (TotalIters == 0)
        {
            return baseLr;
        }

        var k = Math.Min(step, TotalIters);
        return baseLr * Math.Pow(1.0 - ((double)k / TotalIters), Power);
    }

    /// <inheritdoc/>
    public string ToSpec() => SpecFormat.Call(Name, SpecArgs());

    /// <inheritdoc/>
    public string ToPython() => SpecFormat.Python(Name, SpecArgs());

    /// <inheritdoc/>
    public override string ToString() => ToSpec();

    SpecArgList IScheduleSpec.SpecArgs() => SpecArgs();

    private SpecArgList SpecArgs() => new SpecArgList(Kind.Signature).Opt("total_iters", TotalIters).Opt("power", Power);
}
