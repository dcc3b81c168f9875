using System.Globalization;
using System.Text;
using LrLab.Core.Schedules.Spec;
using static LrLab.Core.ParameterDefault;

namespace LrLab.Core.Schedules;

/// <summary>
/// PyTorch <c>torch.optim.lr_scheduler.SequentialLR</c>: runs <c>schedulers[0]</c> until
/// <c>milestones[0]</c>, then <c>schedulers[1]</c>, and so on. Closed form (like optax's
/// <c>join_schedules</c>): <c>lr(t) = s_k(t − m_k)</c>, where k is the number of milestones ≤ t and
/// m_0 = 0, so each child restarts its own clock at its milestone, as PyTorch's <c>step(0)</c> does.
/// </summary>
/// <remarks>
/// Every child shares the optimizer's initial rate as its base. One construction-order quirk is mirrored:
/// when the first child is a <see cref="CyclicLr"/>, it overwrites the optimizer's rate before PyTorch
/// records <c>initial_lr</c>, so the later children use its <c>base_lr</c> as their base. We reject
/// children whose PyTorch behaviour here is broken or order dependent: <see cref="OneCycleLr"/> (it
/// rewrites <c>initial_lr</c> for everyone), nested <see cref="SequentialLr"/> (its step takes no epoch),
/// and, after a milestone, ConstantLR/LinearLR/PolynomialLR with <c>total_iters=0</c> (PyTorch's closed
/// form there disagrees with the stepped form or divides by zero). Milestones must increase.
/// </remarks>
public sealed class SequentialLr : ILrSchedule, IScheduleSpec
{
    internal const string Name = "SequentialLR";
    private readonly ILrSchedule[] _schedulers;
    private readonly int[] _milestones;

    /// <summary>Creates the schedule; there must be one milestone fewer than schedulers.</summary>
    public SequentialLr(IEnumerable<ILrSchedule> schedulers, IEnumerable<int> milestones)
    {
        _schedulers = schedulers.ToArray();
        _milestones = milestones.ToArray();
        if (_schedulers.Length == 0)
        {
            throw new InputException($"{Name}: schedulers must not be empty");
        }

        if (_milestones.Length != _schedulers.Length - 1)
        {
            throw new InputException(string.Create(CultureInfo.InvariantCulture,
                $"{Name}: milestones must have one entry fewer than schedulers, got {_schedulers.Length} schedulers and {_milestones.Length} milestones"));
        }

        for (var i = 0; i < _milestones.Length; i++)
        {
            if (_milestones[i] <= 0 || (i > 0 && _milestones[i] <= _milestones[i - 1]))
            {
                throw Check.Fail(Name, "milestones", "must be increasing positive integers", SpecFormat.IntList(_milestones));
            }
        }

        for (var i = 0; i < _schedulers.Length; i++)
        {
            var child = _schedulers[i];
            if (child is OneCycleLr or SequentialLr)
            {
                throw new InputException($"{Name}: schedulers cannot include {((IScheduleSpec)child).ClassName} (PyTorch's result would depend on construction side effects)");
            }

            var zeroIters = child switch
            {
                ConstantLr c => c.TotalIters == 0,
                LinearLr l => l.TotalIters == 0,
                PolynomialLr p => p.TotalIters == 0,
                _ => false,
            };
            if (i > 0 && zeroIters)
            {
                throw new InputException(string.Create(CultureInfo.InvariantCulture,
                    $"{Name}: schedulers[{i}] has total_iters=0, which PyTorch cannot restart at a milestone"));
            }
        }
    }

    /// <summary><c>schedulers</c>: the children, in order.</summary>
    public IReadOnlyList<ILrSchedule> Schedulers => _schedulers;

    /// <summary><c>milestones</c>: the updates at which the next child takes over.</summary>
    public IReadOnlyList<int> Milestones => _milestones;

    internal static ScheduleKind Kind { get; } = new(new(Name, [Required("schedulers"), Required("milestones")]),
        a => new SequentialLr(
            a.Calls("schedulers").Select(s => s as ILrSchedule
                ?? throw SpecError.At($"{Name}: schedulers cannot include ReduceLROnPlateau (it needs metrics)", a.ColumnOf("schedulers"))),
            a.IntList("milestones")));

    string IScheduleSpec.ClassName => Name;

    /// <inheritdoc/>
    public double At(int step, double baseLr)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        var childBase = _schedulers[0] is CyclicLr cyclic ? cyclic.BaseLr : baseLr;
        var k = _milestones.Count(m => m <= step);
        return k == 0 ? _schedulers[0].At(step, childBase) : _schedulers[k].At(step - _milestones[k - 1], childBase);
    }

    /// <inheritdoc/>
    public string ToSpec() => SpecFormat.Call(Name, SpecArgs());

    /// <inheritdoc/>
    /// <remarks>The children are built first on the same optimizer, then handed to SequentialLR.</remarks>
    public string ToPython()
    {
        var sb = new StringBuilder();
        var names = new List<string>();
        for (var i = 0; i < _schedulers.Length; i++)
        {
            var variable = string.Create(CultureInfo.InvariantCulture, $"scheduler{i}");
            names.Add(variable);
            var line = _schedulers[i] is IScheduleSpec spec
                ? SpecFormat.Python(spec.ClassName, spec.SpecArgs(), variable)
                : variable + _schedulers[i].ToPython()["scheduler".Length..];
            sb.Append(line).Append('\n');
        }

        sb.Append(SpecFormat.Python(Name, [new SpecArg("schedulers", "[" + string.Join(", ", names) + "]"), new SpecArg("milestones", SpecFormat.IntList(_milestones))]));
        return sb.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => ToSpec();

    SpecArgList IScheduleSpec.SpecArgs() => SpecArgs();

    private SpecArgList SpecArgs() => new SpecArgList(Kind.Signature)
        .Req("schedulers", "[" + string.Join(", ", _schedulers.Select(s => s.ToSpec())) + "]")
        .Req("milestones", SpecFormat.IntList(_milestones));
}
