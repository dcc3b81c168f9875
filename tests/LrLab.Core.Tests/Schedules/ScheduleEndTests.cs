using LrLab.Core.Optimizers;
using LrLab.Core.Schedules;
using LrLab.Core.Simulation;
using LrLab.Core.Surfaces;

namespace LrLab.Core.Tests.Schedules;

/// <summary>Where a schedule ends (PyTorch refuses to step OneCycleLR past total_steps), and metric schedules run in order.</summary>
public sealed class ScheduleEndTests
{
    [Theory]
    [InlineData("OneCycleLR(max_lr=0.1, total_steps=10)", 10)]
    [InlineData("OneCycleLR(max_lr=0.1, epochs=3, steps_per_epoch=4)", 12)]
    [InlineData("StepLR(step_size=5)", null)]
    [InlineData("SequentialLR(schedulers=[LinearLR(), StepLR(step_size=5)], milestones=[5])", null)]
    [InlineData("ReduceLROnPlateau()", null)]
    public void The_last_step_is_the_last_one_PyTorch_steps_to(string spec, int? last)
    {
        var parsed = ScheduleSpec.Parse(spec);

        Assert.Equal(last, parsed.LastStep);
        if (parsed.Schedule is { } schedule && last is { } end)
        {
            _ = schedule.At(end, 0.1);
            Assert.Throws<InputException>(() => schedule.At(end + 1, 0.1));
        }
    }

    [Fact]
    public void A_plateau_run_folds_each_loss_once_and_matches_the_pure_definition()
    {
        var plateau = (IMetricSchedule)ScheduleSpec.Parse("ReduceLROnPlateau(patience=3, factor=0.5)").MetricSchedule!;
        var run = Simulator.Run(
            SurfaceCatalog.Resolve("noisy-bowl"),
            OptimizerFactory.Create("sgd", new OptimizerOptions { Lr = 0.3 }),
            new SimulationOptions { Steps = 400, MetricSchedule = plateau, BatchSize = 1, Seed = 3 });

        var losses = run.Steps.Skip(1).Select(p => p.Loss).ToArray();
        for (var k = 0; k < run.Steps.Count; k++)
        {
            Assert.Equal(plateau.At(k, 0.3, losses.AsSpan(0, k)), run.Steps[k].Lr);
        }

        Assert.True(run.Steps[^1].Lr < 0.3, "the noisy bowl plateaus, so the rate must have been cut");
    }
}
