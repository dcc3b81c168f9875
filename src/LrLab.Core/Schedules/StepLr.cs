using LrLab.Core.Schedules.Spec;
using static LrLab.Core.ParameterDefault;

namespace LrLab.Core.Schedules;

/// <summary>
/// PyTorch <c>torch.optim.lr_scheduler.StepLR</c>: every <c>step_size</c> updates the rate is multiplied
/// by <c>gamma</c>. Closed form: <c>lr(t) = base · gamma^⌊t / step_size⌋</c>.
/// </summary>
public sealed class StepLr : ILrSchedule, IScheduleSpec
{
    internal const string Name = "StepLR";
    private const double DefaultGamma = 0.1;

    /// <summary>Creates the schedule; <paramref name="stepSize"/> must be positive.</summary>
    public StepLr(int stepSize, double gamma = DefaultGamma)
    {
        StepSize = Check.PositiveInt(Name, "step_size", stepSize);
        Gamma = Check.Finite(Name, "gamma", gamma);
    }

    /// <summary><c>step_size</c>: updates between decays.</summary>
    public int StepSize { get; }

    /// <summary><c>gamma</c>: the factor applied at each decay.</summary>
    public double Gamma { get; }

    internal static ScheduleKind Kind { get; } = new(new(Name, [Required("step_size"), Float("gamma", DefaultGamma)]),
        a => new StepLr(a.Int("step_size"), a.Float("gamma")));

    string IScheduleSpec.ClassName => Name;

    /// <inheritdoc/>
    public double At(int step, double baseLr)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        return baseLr * Math.Pow(Gamma, step / StepSize);
    }

    /// <inheritdoc/>
    public string ToSpec() => SpecFormat.Call(Name, SpecArgs());

    /// <inheritdoc/>
    public string ToPython() => SpecFormat.Python(Name, SpecArgs());

    /// <inheritdoc/>
    public override string ToString() => ToSpec();

    SpecArgList IScheduleSpec.SpecArgs() => SpecArgs();

    private SpecArgList SpecArgs() => new SpecArgList(Kind.Signature).Req("step_size", SpecFormat.Int(StepSize)).Opt("gamma", Gamma);
}
