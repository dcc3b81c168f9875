using LrLab.Core.Schedules;

namespace LrLab.Core.Tests.Schedules;

public sealed class ScheduleSpecSyntaxTests
{
    [Theory]
    [InlineData("StepLR(step_size=30, gamma=0.1)", "StepLR(step_size=30)")]
    [InlineData("torch.optim.lr_scheduler.StepLR(30, 0.5)", "StepLR(step_size=30, gamma=0.5)")]
    [InlineData(" StepLR ( step_size = 30 , gamma = 5e-1 , ) ", "StepLR(step_size=30, gamma=0.5)")]
    [InlineData("CosineAnnealingLR(T_max=100, eta_min=1E-4)", "CosineAnnealingLR(T_max=100, eta_min=0.0001)")]
    [InlineData("ExponentialLR(gamma=1)", "ExponentialLR(gamma=1.0)")]
    [InlineData("ExponentialLR(gamma=-.5)", "ExponentialLR(gamma=-0.5)")]
    [InlineData("MultiStepLR([30, 60,], 0.1)", "MultiStepLR(milestones=[30, 60])")]
    [InlineData("CyclicLR(0.001, 0.1, step_size_down=None, scale_fn=None, scale_mode='iterations')", "CyclicLR(base_lr=0.001, max_lr=0.1)")]
    [InlineData("OneCycleLR(max_lr=0.1, total_steps=100, anneal_strategy=\"linear\", three_phase=True)", "OneCycleLR(max_lr=0.1, total_steps=100, anneal_strategy='linear', three_phase=True)")]
    [InlineData("ReduceLROnPlateau(mode='max', min_lr=1e-6)", "ReduceLROnPlateau(mode='max', min_lr=1e-06)")]
    [InlineData(
        "SequentialLR(schedulers=[LinearLR(start_factor=0.01, total_iters=5), CosineAnnealingLR(T_max=95, eta_min=1e-4)], milestones=[5])",
        "SequentialLR(schedulers=[LinearLR(start_factor=0.01), CosineAnnealingLR(T_max=95, eta_min=0.0001)], milestones=[5])")]
    public void Parses_python_call_syntax_into_canonical_specs(string spec, string canonical)
    {
        Assert.Equal(canonical, ScheduleSpec.Parse(spec).ToSpec());
    }

    [Fact]
    public void Sequential_python_builds_children_on_the_same_optimizer_first()
    {
        var python = ScheduleSpec.Parse("SequentialLR(schedulers=[LinearLR(start_factor=0.01, total_iters=5), CosineAnnealingLR(T_max=95)], milestones=[5])").ToPython();
        Assert.Equal(
            "scheduler0 = torch.optim.lr_scheduler.LinearLR(optimizer, start_factor=0.01)\n"
            + "scheduler1 = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=95)\n"
            + "scheduler = torch.optim.lr_scheduler.SequentialLR(optimizer, schedulers=[scheduler0, scheduler1], milestones=[5])",
            python);
    }

    [Fact]
    public void Python_for_a_single_scheduler()
    {
        Assert.Equal(
            "scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=30, gamma=0.5)",
            new StepLr(30, 0.5).ToPython());
    }
}
