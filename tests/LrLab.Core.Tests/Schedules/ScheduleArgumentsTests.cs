using LrLab.Core.Schedules;

namespace LrLab.Core.Tests.Schedules;

public sealed class ScheduleArgumentsTests
{
    [Theory]
    [InlineData("StepLR(30, gamma=0.5)", "step_size=30|gamma=0.5")]
    [InlineData("StepLR(step_size=30)", "step_size=30")]
    [InlineData("MultiStepLR(milestones=[30, 60], gamma=0.1)", "milestones=[30, 60]")]
    [InlineData("OneCycleLR(max_lr=0.1, total_steps=100, anneal_strategy='linear')", "max_lr=0.1|total_steps=100|anneal_strategy='linear'")]
    [InlineData("ReduceLROnPlateau(patience=3)", "patience=3")]
    [InlineData("SequentialLR(schedulers=[ConstantLR(factor=0.5, total_iters=2), ExponentialLR(gamma=0.9)], milestones=[2])", "schedulers=[ConstantLR(factor=0.5, total_iters=2), ExponentialLR(gamma=0.9)]|milestones=[2]")]
    public void Lists_the_canonical_non_default_arguments(string spec, string expected)
    {
        var args = ScheduleArguments.Of(ScheduleSpec.Parse(spec));
        Assert.Equal(expected, string.Join("|", args.Select(a => $"{a.Key}={a.Value}")));
    }
}
