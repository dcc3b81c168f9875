using CsCheck;
using LrLab.Core.Schedules;

namespace LrLab.Core.Tests.Schedules;

/// <summary>Hostile input: the parser may only ever answer with a schedule or an InputException.</summary>
public sealed class ScheduleSpecPropertyTests
{
    private static readonly string[] _fragments =
    [
        "StepLR", "SequentialLR", "OneCycleLR", "ReduceLROnPlateau", "CyclicLR", "torch.optim.lr_scheduler.", "(", ")", "[", "]",
        ",", "=", "step_size", "gamma", "schedulers", "milestones", "max_lr", "total_steps", "T_max", "mode", "1", "0", "-3", "1e-4",
        "2.5", "1e999", "'cos'", "\"max\"", "'", "True", "None", " ", ".", "+",
    ];

    [Fact]
    public void Random_text_only_throws_InputException()
    {
        Gen.String.Sample(s => Assert.True(ParsesOrRejects(s)), iter: 20_000);
    }

    [Fact]
    public void Random_token_soup_only_throws_InputException()
    {
        Gen.OneOf(_fragments).Array[0, 60].Select(parts => string.Concat(parts))
            .Sample(s => Assert.True(ParsesOrRejects(s)), iter: 20_000);
    }

    // How fast these are refused is measured in bench/LrLab.Fuzz (docs/fuzzing.md), not asserted here.
    [Fact]
    public void Deep_nesting_and_long_input_are_refused()
    {
        foreach (var spec in new[]
                 {
                     "StepLR(" + new string('[', 1999),
                     new string('(', 100_000),
                     "SequentialLR(schedulers=[" + string.Concat(Enumerable.Repeat("SequentialLR(schedulers=[", 50)),
                 })
        {
            Assert.Throws<InputException>(() => ScheduleSpec.Parse(spec));
        }
    }

    private static bool ParsesOrRejects(string s)
    {
        try
        {
            var parsed = ScheduleSpec.Parse(s);
            return ScheduleSpec.Parse(parsed.ToSpec()).ToSpec() == parsed.ToSpec();
        }
        catch (InputException e)
        {
            return !e.Message.Contains('\n', StringComparison.Ordinal) && e.Position is > 0;
        }
    }
}
