using LrLab.Core.Schedules;

namespace LrLab.Core.Tests.Defaults;

/// <summary>
/// Every scheduler default (<see cref="ScheduleSpec.Signatures"/>, the table the parser, the canonical spec text,
/// the designer's forms and the CLI read) against PyTorch's own signatures (Golden/defaults.json).
/// </summary>
public sealed class ScheduleDefaultsTests
{
    /// <summary>PyTorch parameters we deliberately do not mirror, and why.</summary>
    private static readonly Dictionary<string, string> _unsupported = new(StringComparer.Ordinal)
    {
        ["last_epoch"] = "resumes a scheduler mid-run; every LR Lab schedule starts at update 0",
        ["verbose"] = "prints each change of the rate; no effect on the rate",
    };

    /// <summary>Values for the required parameters, so a spec of each class can be built.</summary>
    private static readonly Dictionary<string, string> _required = new(StringComparer.Ordinal)
    {
        ["StepLR"] = "step_size=3",
        ["MultiStepLR"] = "milestones=[2, 5]",
        ["ExponentialLR"] = "gamma=0.9",
        ["ConstantLR"] = "",
        ["LinearLR"] = "",
        ["PolynomialLR"] = "",
        ["CosineAnnealingLR"] = "T_max=10",
        ["CosineAnnealingWarmRestarts"] = "T_0=10",
        ["OneCycleLR"] = "max_lr=0.1, total_steps=100",
        ["CyclicLR"] = "base_lr=0.01, max_lr=0.1",
        ["SequentialLR"] = "schedulers=[StepLR(step_size=3), ExponentialLR(gamma=0.9)], milestones=[5]",
        ["ReduceLROnPlateau"] = "",
    };

    [Fact]
    public void The_table_covers_exactly_the_mirrored_scheduler_classes_in_the_order_of_Names()
    {
        Assert.Equal(ScheduleSpec.Names, ScheduleSpec.Signatures.Select(s => s.ClassName));
        Assert.Equal(GoldenDefaults.Schedulers.Keys.Order(StringComparer.Ordinal), ScheduleSpec.Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_parameter_we_mirror_has_PyTorchs_name_position_and_default()
    {
        var problems = new List<string>();
        foreach (var ours in ScheduleSpec.Signatures)
        {
            var mirrored = GoldenDefaults.Schedulers[ours.ClassName].Where(p => !_unsupported.ContainsKey(p.Name)).ToList();
            if (!mirrored.Select(p => p.Name).SequenceEqual(ours.Names))
            {
                problems.Add($"{ours.ClassName}: ours ({string.Join(", ", ours.Names)}), PyTorch ({string.Join(", ", mirrored.Select(p => p.Name))})");
                continue;
            }

            problems.AddRange(mirrored
                .Select(p => GoldenDefaults.Disagreement(ours[p.Name], p) is { } d ? $"{ours.ClassName}.{p.Name}: {d}" : null)
                .OfType<string>());
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Giving_PyTorchs_default_in_PyTorchs_own_words_changes_nothing()
    {
        // Behaviour, not the table: the parser's default and the canonical text's default must both be PyTorch's,
        // so Cls(required) and Cls(required, p=<PyTorch's repr>) are the same schedule with the same spec.
        var problems = new List<string>();
        foreach (var (cls, parameters) in GoldenDefaults.Schedulers)
        {
            var required = _required[cls];
            var bare = ScheduleSpec.Parse($"{cls}({required})");
            foreach (var p in parameters.Where(p => !p.Required && p.Type != "NoneType" && !_unsupported.ContainsKey(p.Name)))
            {
                var spec = $"{cls}({required}{(required.Length > 0 ? ", " : "")}{p.Name}={p.Repr})";
                var explicitDefault = ScheduleSpec.Parse(spec);
                var ours = ((object?)bare.Schedule ?? bare.MetricSchedule)!.ToString();
                var theirs = ((object?)explicitDefault.Schedule ?? explicitDefault.MetricSchedule)!.ToString();
                if (ours != theirs)
                {
                    problems.Add($"{spec} reads as {theirs}, without {p.Name}: {ours}");
                }
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void Unsupported_parameters_are_refused_with_a_message_naming_them()
    {
        var e = Assert.Throws<InputException>(() => ScheduleSpec.Parse("StepLR(step_size=3, last_epoch=-1)"));
        Assert.Contains("last_epoch", e.Message, StringComparison.Ordinal);
    }
}
