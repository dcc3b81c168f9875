using LrLab.Core.Schedules.Spec;
using static LrLab.Core.ParameterDefault;

namespace LrLab.Core.Schedules;

/// <summary>
/// PyTorch <c>torch.optim.lr_scheduler.ExponentialLR</c>: the rate is multiplied by <c>gamma</c> after
/// every update. Closed form: <c>lr(t) = base · gamma^t</c>.
/// </summary>
public sealed class ExponentialLr : ILrSchedule, IScheduleSpec
{
    internal const string Name = "ExponentialLR";

    /// <summary>Creates the schedule.</summary>
    public ExponentialLr(double gamma) => Gamma = Check.Finite(Name, "gamma", gamma);

    /// <summary><c>gamma</c>: the per-update factor.</summary>
    public double Gamma { get; }

    internal static ScheduleKind Kind { get; } = new(new(Name, [Required("gamma")]), a => new ExponentialLr(a.Float("gamma")));

    string IScheduleSpec.ClassName => Name;

    /// <inheritdoc/>
    public double At(int step, double baseLr)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        return baseLr * Math.Pow(Gamma, step);
    }

    /// <inheritdoc/>
    public string ToSpec() => SpecFormat.Call(Name, SpecArgs());

    /// <inheritdoc/>
    public string ToPython() => SpecFormat.Python(Name, SpecArgs());

    /// <inheritdoc/>
    public override string ToString() => ToSpec();

    SpecArgList IScheduleSpec.SpecArgs() => SpecArgs();

    private SpecArgList SpecArgs() => new SpecArgList(Kind.Signature).Req("gamma", SpecFormat.Float(Gamma));
}
