using LrLab.Core.Schedules;

namespace LrLab.Core.Tests.Schedules;

public sealed class ScheduleSpecErrorTests
{
    public static TheoryData<string, string, int> BadSpecs => new()
    {
        { "CosineAnnealingLR(tmax=100)", "CosineAnnealingLR has no parameter 'tmax' (column 19); valid: T_max, eta_min", 19 },
        { "StepLR(step_size=0)", "StepLR: step_size must be a positive integer, got 0", 18 },
        { "StepLR(gamma=0.5)", "StepLR: missing required parameter 'step_size'", 1 },
        { "  StepLR(gamma=0.5)", "missing required parameter 'step_size'", 3 },
        { "StepLr(step_size=3)", "unknown scheduler 'StepLr'; valid: StepLR, MultiStepLR", 1 },
        { "StepLR(step_size=3.5)", "StepLR: step_size must be an integer, got 3.5", 18 },
        { "StepLR(step_size='3')", "StepLR: step_size must be an integer, got '3'", 18 },
        { "StepLR(step_size=3, gamma=0.1, gamma=0.2)", "got parameter 'gamma' more than once", 32 },
        { "StepLR(3, step_size=3)", "got parameter 'step_size' more than once", 11 },
        { "StepLR(step_size=3, 0.1)", "positional argument follows keyword argument", 21 },
        { "StepLR(3, 0.1, 7)", "StepLR takes at most 2 positional arguments", 16 },
        { "StepLR(step_size=30", "unclosed '('", 7 },
        { "MultiStepLR(milestones=[30, 60, gamma=0.1)", "unexpected name 'gamma'", 33 },
        { "MultiStepLR(milestones=[30, 60)", "expected ',' or ']'", 31 },
        { "StepLR(step_size=30) extra", "unexpected text after the schedule", 22 },
        { "StepLR(step_size=30))", "unexpected text after the schedule", 21 },
        { "", "empty schedule spec", 1 },
        { "30", "expected a scheduler call", 1 },
        { "StepLR(step_size=1e999)", "number out of range", 18 },
        { "StepLR(step_size=1.2.3)", "malformed number", 18 },
        { "OneCycleLR(max_lr=0.1, anneal_strategy='cosine', total_steps=10)", "anneal_strategy must be one of 'cos', 'linear', got 'cosine'", 40 },
        { "OneCycleLR(max_lr=0.1, anneal_strategy='cos", "unclosed string", 40 },
        { "OneCycleLR(max_lr=0.1)", "OneCycleLR: total_steps must be given, or both epochs and steps_per_epoch", 1 },
        { "OneCycleLR(max_lr=0.1, total_steps=100, pct_start=1.5)", "OneCycleLR: pct_start must be between 0 and 1, got 1.5", 51 },
        { "OneCycleLR(max_lr=0.1, total_steps=10, pct_start=0.1)", "leaves a phase of zero length", 50 },
        { "OneCycleLR(max_lr=0.1, total_steps=100, three_phase=1)", "three_phase must be True or False, got 1", 53 },
        { "CyclicLR(base_lr=0.1, max_lr=1, mode='triangle')", "mode must be one of 'triangular', 'triangular2', 'exp_range'", 38 },
        { "CyclicLR(base_lr=0.1, max_lr=1, scale_fn=f)", "unexpected name 'f'", 42 },
        { "CyclicLR(base_lr=0.1, max_lr=1, scale_fn='f')", "scale_fn is not supported", 42 },
        { "CyclicLR(max_lr=1)", "missing required parameter 'base_lr'", 1 },
        { "ConstantLR(factor=1.5)", "ConstantLR: factor must be between 0 and 1, got 1.5", 19 },
        { "LinearLR(start_factor=0)", "start_factor must be greater than 0", 23 },
        { "CosineAnnealingWarmRestarts(T_0=10, T_mult=0)", "T_mult must be an integer >= 1, got 0", 44 },
        { "ReduceLROnPlateau(factor=1.0)", "ReduceLROnPlateau: factor must be < 1.0, got 1.0", 26 },
        { "ReduceLROnPlateau(mode='minimum')", "mode must be one of 'min', 'max'", 24 },
        { "SequentialLR(schedulers=[StepLR(step_size=3)], milestones=[5])", "one entry fewer than schedulers", 59 },
        { "SequentialLR(schedulers=[StepLR(step_size=3), StepLR(step_size=0)], milestones=[5])", "StepLR: step_size must be a positive integer, got 0", 64 },
        { "SequentialLR(schedulers=[StepLR(step_size=3), ExponentialLR(gamma=0.9)], milestones=[0])", "milestones must be increasing positive integers", 85 },
        { "SequentialLR(schedulers=[StepLR(step_size=3), ReduceLROnPlateau()], milestones=[5])", "cannot include ReduceLROnPlateau", 25 },
        { "SequentialLR(schedulers=[StepLR(step_size=3), OneCycleLR(max_lr=1.0, total_steps=9)], milestones=[5])", "cannot include OneCycleLR", 25 },
        { "SequentialLR(schedulers=[StepLR(step_size=3), 5], milestones=[5])", "schedulers must be a list of schedulers, got 5", 47 },
        { "StepLR(step_size=3, gamma=0.1 @)", "expected ',' or ')' but found '@'", 31 },
        { "StepLR(step_size=3, gamma=#)", "unexpected character '#'", 27 },
        { "StepLR(step_size=[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]])", "nested more than 16 levels", 33 },
        { "StepLR(step_size=3, gamma=-)", "expected a number", 27 },
        { "StepLR(step_size=3, gamma='a\\'b')", "escape sequences are not supported", 29 },
    };

    [Theory]
    [MemberData(nameof(BadSpecs))]
    public void Bad_specs_give_one_line_errors_with_columns(string spec, string fragment, int column)
    {
        var e = Assert.Throws<InputException>(() => ScheduleSpec.Parse(spec));
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
        Assert.Equal(column, e.Position);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Too_long_spec_is_rejected_before_parsing()
    {
        var spec = "StepLR(step_size=3" + new string(' ', 3000) + ")";
        var e = Assert.Throws<InputException>(() => ScheduleSpec.Parse(spec));
        Assert.Contains("too long", e.Message, StringComparison.Ordinal);
        Assert.Equal(2001, e.Position);
    }

    [Fact]
    public void Metric_schedule_is_not_a_plain_schedule()
    {
        var e = Assert.Throws<InputException>(() => ScheduleSpec.ParseLr("ReduceLROnPlateau()"));
        Assert.Contains("needs the losses", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructors_validate_like_the_parser()
    {
        var e = Assert.Throws<InputException>(() => new StepLr(0));
        Assert.Equal("StepLR: step_size must be a positive integer, got 0", e.Message);
        Assert.Null(e.Position);
    }

    [Fact]
    public void OneCycle_past_total_steps_throws_like_pytorch()
    {
        var s = new OneCycleLr(0.1, totalSteps: 10);
        _ = s.At(10, 0.01);
        var e = Assert.Throws<InputException>(() => s.At(11, 0.01));
        Assert.Contains("past total_steps=10", e.Message, StringComparison.Ordinal);
    }
}
