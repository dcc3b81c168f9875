using LrLab.Core.Schedules.Spec;
using static LrLab.Core.ParameterDefault;

namespace LrLab.Core.Schedules;

/// <summary>
/// PyTorch <c>torch.optim.lr_scheduler.MultiStepLR</c>: the rate is multiplied by <c>gamma</c> at each
/// milestone. Closed form: <c>lr(t) = base · gamma^n(t)</c>, n(t) = number of milestones m with m ≤ t.
/// </summary>
/// <remarks>
/// PyTorch keeps the milestones in a counter, so their order does not matter and a repeated milestone
/// applies <c>gamma</c> once per repetition; a milestone 0 already lowers the very first rate. We mirror all three.
/// </remarks>
public sealed class MultiStepLr : ILrSchedule, IScheduleSpec
{
    internal const string Name = "MultiStepLR";
    private const double DefaultGamma = 0.1;
    private readonly int[] _milestones;

    /// <summary>Creates the schedule; milestones must be non-negative.</summary>
    public MultiStepLr(IEnumerable<int> milestones, double gamma = DefaultGamma)
    {
        _milestones = milestones.ToArray();
        foreach (var m in _milestones)
        {
            Check.NonNegativeInt(Name, "milestones", m);
        }

        Gamma = Check.Finite(Name, "gamma", gamma);
    }

    /// <summary><c>milestones</c>: the update indices where the rate drops, as given.</summary>
    public IReadOnlyList<int> Milestones => _milestones;

    /// <summary><c>gamma</c>: the factor applied at each milestone.</summary>
    public double Gamma { get; }

    internal static ScheduleKind Kind { get; } = new(new(Name, [Required("milestones"), Float("gamma", DefaultGamma)]),
        a => new MultiStepLr(a.IntList("milestones"), a.Float("gamma")));

    string IScheduleSpec.ClassName => Name;

    /// <inheritdoc/>
    public double At(int step, double baseLr)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        return baseLr * Math.Pow(Gamma, _milestones.Count(m => m <= step));
    }

    /// <inheritdoc/>
    public string ToSpec() => SpecFormat.Call(Name, SpecArgs());

    /// <inheritdoc/>
    public string ToPython() => SpecFormat.Python(Name, SpecArgs());

    /// <inheritdoc/>
    public override string ToString() => ToSpec();

    SpecArgList IScheduleSpec.SpecArgs() => SpecArgs();

    private SpecArgList SpecArgs() => new SpecArgList(Kind.Signature).Req("milestones", SpecFormat.IntList(_milestones)).Opt("gamma", Gamma);
}
