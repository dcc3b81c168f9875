using LrLab.Core;
using LrLab.Web.Learn;

namespace LrLab.Web.Tests.Learn;

public sealed class GradingTests
{
    private static readonly QuizQuestion _numeric = new()
    {
        Id = "n",
        Prompt = "?",
        Answer = 0.02,
        Tolerance = 0.0005,
        Explanation = "because",
    };

    [Theory]
    [InlineData("0.02", true)]
    [InlineData(" 0.0204 ", true)]
    [InlineData("0,02", true)]
    [InlineData("2e-2", true)]
    [InlineData("0.0196", true)]
    [InlineData("0.021", false)]
    [InlineData("0.2", false)]
    [InlineData("-0.02", false)]
    [InlineData("", false)]
    [InlineData("abc", false)]
    [InlineData("NaN", false)]
    [InlineData(null, false)]
    public void Numeric_answers_are_accepted_within_the_tolerance(string? typed, bool right) =>
        Assert.Equal(right, _numeric.IsCorrectNumber(typed));

    [Theory]
    [InlineData("20 %", 0.2)]
    [InlineData("20%", 0.2)]
    [InlineData("1/5", 0.2)]
    [InlineData(" 3 / 5 ", 0.6)]
    [InlineData("−1", -1)]
    [InlineData("1e3", 1000)]
    public void Typed_numbers_allow_percentages_ratios_and_unicode_minus(string typed, double value)
    {
        Assert.True(QuizQuestion.TryReadNumber(typed, out var read));
        Assert.Equal(value, read, 12);
    }

    [Theory]
    [InlineData("1/0")]
    [InlineData("1/")]
    [InlineData("/2")]
    [InlineData("%")]
    [InlineData("1/2/3")]
    public void Broken_ratios_and_lone_signs_are_not_numbers(string typed) =>
        Assert.False(QuizQuestion.TryReadNumber(typed, out _));

    [Theory]
    [InlineData("0.6", true)]
    [InlineData("60 %", true)]
    [InlineData("60", true)]
    [InlineData("3/5", true)]
    [InlineData("0,6", true)]
    [InlineData("6", false)]
    [InlineData("0.7", false)]
    public void Fraction_questions_read_decimals_percentages_and_ratios_alike(string typed, bool right)
    {
        var q = new QuizQuestion { Id = "f", Prompt = "?", Answer = 0.5987, Tolerance = 0.01, Form = NumericForm.Fraction, Explanation = "x" };
        Assert.Equal(right, q.IsCorrectNumber(typed));
    }

    [Fact]
    public void Choice_questions_grade_only_the_right_index_and_never_as_numbers()
    {
        var q = new QuizQuestion { Id = "c", Prompt = "?", Choices = ["a", "b", "c"], CorrectChoice = 2, Explanation = "x" };
        Assert.Equal([false, false, true], Enumerable.Range(0, 3).Select(q.IsCorrectChoice));
        Assert.False(q.IsCorrectNumber("2"));
        Assert.Equal("c", q.CorrectText);
        Assert.False(_numeric.IsCorrectChoice(0));
    }

    public static TheoryData<LabObservation, bool> Observations() => new()
    {
        { Seen(0.001), true },
        { Seen(0.00100000000001), true },
        { Seen(0.0011), false },
        { Seen(0.001) with { Surface = "ravine" }, false },
        { Seen(0.001) with { Optimizer = "adam" }, true },
    };

    [Theory]
    [MemberData(nameof(Observations))]
    public void Experiments_match_rate_and_surface(LabObservation seen, bool satisfied)
    {
        var experiment = new Experiment { Id = "e", Instruction = "set 0.001", LrMin = 0.001, LrMax = 0.001, Surface = "bowl", Lesson = "ok" };
        Assert.Equal(satisfied, experiment.IsSatisfiedBy(seen));
    }

    [Fact]
    public void Experiments_with_a_schedule_or_batch_need_exactly_that()
    {
        var constant = new Experiment { Id = "c", Instruction = "i", LrMin = 0.1, LrMax = 1, Schedule = "", BatchSize = 4, Lesson = "l" };
        Assert.True(constant.IsSatisfiedBy(Seen(0.5) with { BatchSize = 4 }));
        Assert.False(constant.IsSatisfiedBy(Seen(0.5) with { BatchSize = 4, Schedule = "cosine" }));
        Assert.False(constant.IsSatisfiedBy(Seen(0.5) with { BatchSize = 1 }));
    }

    [Fact]
    public void Confirmation_quotes_the_step_count_the_widget_saw()
    {
        var experiment = new Experiment { Id = "e", Instruction = "i", LrMin = 0, LrMax = 1, Lesson = "So it goes." };
        Assert.Equal(
            "You ran sgd at 0.05 on the bowl: just right (smooth), it converged after 30 steps. So it goes.",
            experiment.Confirm(Seen(0.05) with { StepsToConverge = 30, Verdict = Verdict.JustRight, Pattern = Pattern.Smooth }));
        Assert.Contains(
            "had not converged after 200 steps; at that pace it would need about 1727",
            experiment.Confirm(Seen(0.001) with { EstimatedStepsToConverge = 1727 }),
            StringComparison.Ordinal);
        Assert.Contains("did not converge in 200 steps", experiment.Confirm(Seen(0.9)), StringComparison.Ordinal);
    }

    private static LabObservation Seen(double lr) =>
        new("bowl", "sgd", lr, 200, null, null, Verdict.TooSmall, Pattern.Crawling, 1.0);
}
