using LrLab.Core.Schedules.Spec;
using static LrLab.Core.ParameterDefault;

namespace LrLab.Core.Schedules;

/// <summary>
/// PyTorch <c>torch.optim.lr_scheduler.CyclicLR</c> (cyclical learning rates, Smith 2017): the rate
/// climbs from <c>base_lr</c> to <c>max_lr</c> over <c>step_size_up</c> updates and back over
/// <c>step_size_down</c>. With L = up + down, c = ⌊1 + t/L⌋, x = 1 + t/L − c and r = up/L:
/// <c>lr(t) = base_lr + (max_lr − base_lr) · s(x) · scale</c>, s(x) = x/r while x ≤ r, else (x − 1)/(r − 1);
/// scale = 1 (triangular), 1/2^(c−1) (triangular2), gamma^t (exp_range).
/// </summary>
/// <remarks>
/// Like PyTorch it ignores the optimizer's base rate (it overwrites it with <c>base_lr</c>). Custom
/// <c>scale_fn</c> callables are not supported; <c>scale_mode</c> is accepted but, as in PyTorch without a
/// <c>scale_fn</c>, ignored. The momentum parameters round-trip but do not change the rate.
/// </remarks>
public sealed class CyclicLr : ILrSchedule, IScheduleSpec
{
    internal const string Name = "CyclicLR";
    private const int DefaultStepSizeUp = 2000;
    private const double DefaultGamma = 1.0;
    private const double DefaultBaseMomentum = 0.8;
    private const double DefaultMaxMomentum = 0.9;
    private const string DefaultMode = "triangular";
    private const string DefaultScaleMode = "cycle";
    private const bool DefaultCycleMomentum = true;

    /// <summary>Creates the schedule; step sizes must be positive.</summary>
    public CyclicLr(
        double baseLr,
        double maxLr,
        int stepSizeUp = DefaultStepSizeUp,
        int? stepSizeDown = null,
        CyclicLrMode mode = CyclicLrMode.Triangular,
        double gamma = DefaultGamma,
        bool cycleMomentum = DefaultCycleMomentum,
        double baseMomentum = DefaultBaseMomentum,
        double maxMomentum = DefaultMaxMomentum)
    {
        BaseLr = Check.Finite(Name, "base_lr", baseLr);
        MaxLr = Check.Finite(Name, "max_lr", maxLr);
        StepSizeUp = Check.PositiveInt(Name, "step_size_up", stepSizeUp);
        StepSizeDown = stepSizeDown is int down ? Check.PositiveInt(Name, "step_size_down", down) : null;
        Mode = mode;
        Gamma = Check.Finite(Name, "gamma", gamma);
        CycleMomentum = cycleMomentum;
        BaseMomentum = Check.Finite(Name, "base_momentum", baseMomentum);
        MaxMomentum = Check.Finite(Name, "max_momentum", maxMomentum);
    }

    /// <summary><c>base_lr</c>: the bottom of the cycle (replaces the optimizer's rate).</summary>
    public double BaseLr { get; }

    /// <summary><c>max_lr</c>: the top of the cycle.</summary>
    public double MaxLr { get; }

    /// <summary><c>step_size_up</c>: updates from bottom to top.</summary>
    public int StepSizeUp { get; }

    /// <summary><c>step_size_down</c>: updates from top to bottom; null means the same as up.</summary>
    public int? StepSizeDown { get; }

    /// <summary><c>mode</c>.</summary>
    public CyclicLrMode Mode { get; }

    /// <summary><c>gamma</c>: the per-update amplitude factor in <c>exp_range</c> mode.</summary>
    public double Gamma { get; }

    /// <summary><c>cycle_momentum</c> (no effect on the rate).</summary>
    public bool CycleMomentum { get; }

    /// <summary><c>base_momentum</c> (no effect on the rate).</summary>
    public double BaseMomentum { get; }

    /// <summary><c>max_momentum</c> (no effect on the rate).</summary>
    public double MaxMomentum { get; }

    internal static ScheduleKind Kind { get; } = new(
        new(Name,
        [
            Required("base_lr"), Required("max_lr"), Int("step_size_up", DefaultStepSizeUp), None("step_size_down"),
            Str("mode", DefaultMode), Float("gamma", DefaultGamma), None("scale_fn"), Str("scale_mode", DefaultScaleMode),
            Bool("cycle_momentum", DefaultCycleMomentum), Float("base_momentum", DefaultBaseMomentum), Float("max_momentum", DefaultMaxMomentum),
        ]),
        a =>
        {
            a.NoneOnly("scale_fn", "a Python callable cannot be written in a spec");
            a.Choice("scale_mode", "cycle", "iterations");
            return new CyclicLr(
                a.Float("base_lr"),
                a.Float("max_lr"),
                a.Int("step_size_up"),
                a.IntOrNone("step_size_down"),
                a.Choice("mode", "triangular", "triangular2", "exp_range") switch
                {
                    "triangular2" => CyclicLrMode.Triangular2,
                    "exp_range" => CyclicLrMode.ExpRange,
                    _ => CyclicLrMode.Triangular,
                },
                a.Float("gamma"),
                a.Bool("cycle_momentum"),
                a.Float("base_momentum"),
                a.Float("max_momentum"));
        });

    string IScheduleSpec.ClassName => Name;

    /// <inheritdoc/>
    public double At(int step, double baseLr)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        double up = StepSizeUp;
        double total = up + (StepSizeDown ?? StepSizeUp);
        var ratio = up / total;
        var cycle = Math.Floor(1 + (step / total));
        var x = 1.0 + (step / total) - cycle;
        var along = x <= ratio ? x / ratio : (x - 1) / (ratio - 1);
        var height = (MaxLr - BaseLr) * along;
        var scale = Mode switch
        {
            CyclicLrMode.Triangular2 => 1 / Math.Pow(2.0, cycle - 1),
            CyclicLrMode.ExpRange => Math.Pow(Gamma, step),
            _ => 1.0,
        };
        return BaseLr + (height * scale);
    }

    /// <inheritdoc/>
    public string ToSpec() => SpecFormat.Call(Name, SpecArgs());

    /// <inheritdoc/>
    public string ToPython() => SpecFormat.Python(Name, SpecArgs());

    /// <inheritdoc/>
    public override string ToString() => ToSpec();

    SpecArgList IScheduleSpec.SpecArgs() => SpecArgs();

    private SpecArgList SpecArgs()
    {
        var args = new SpecArgList(Kind.Signature)
            .Req("base_lr", SpecFormat.Float(BaseLr))
            .Req("max_lr", SpecFormat.Float(MaxLr))
            .Opt("step_size_up", StepSizeUp);
        if (StepSizeDown is int down)
        {
            args.Req("step_size_down", SpecFormat.Int(down));
        }

        return args
            .Opt("mode", Mode switch { CyclicLrMode.Triangular2 => "triangular2", CyclicLrMode.ExpRange => "exp_range", _ => "triangular" })
            .Opt("gamma", Gamma)
            .Opt("cycle_momentum", CycleMomentum)
            .Opt("base_momentum", BaseMomentum)
            .Opt("max_momentum", MaxMomentum);
    }
}
