using LrLab.Core.Optimizers;
using LrLab.Core.Schedules;
using LrLab.Core.Simulation;
using LrLab.Core.Surfaces;
using LrLab.Core.Sweep;

namespace LrLab.Core.Tests.Simulation;

public sealed class SimulatorTests
{
    private static Trajectory Run(string surface, double lr, int steps = SimulationOptions.DefaultSteps, string optimizer = "sgd", SimulationOptions? options = null) =>
        Simulator.Run(
            SurfaceCatalog.Resolve(surface),
            OptimizerFactory.Create(optimizer, new OptimizerOptions { Lr = lr }),
            (options ?? new SimulationOptions()) with { Steps = steps });

    [Fact]
    public void Bowl_at_0_001_is_too_small_and_needs_more_than_1000_steps()
    {
        var run = Run("bowl", 0.001, steps: 3000);
        Assert.Equal(Verdict.TooSmall, run.Verdict);
        Assert.Equal(Pattern.Crawling, run.Pattern);
        Assert.InRange(run.StepsToConverge!.Value, 1001, 3000);
    }

    [Theory]
    [InlineData(0.0015)]
    [InlineData(0.0019)]
    public void A_crawl_at_the_stability_ceiling_blames_the_terrain_not_the_rate(double lr)
    {
        // Rosenbrock: 2/λmax ≈ 0.002 at the minimum, condition number ≈ 2,500. Plain GD crawls at any stable rate.
        var run = Run("rosenbrock", lr, steps: 500);
        Assert.Equal(Verdict.JustRight, run.Verdict);
        Assert.Equal(Pattern.Crawling, run.Pattern);
        Assert.Contains("a larger rate is no cure", run.Explanation, StringComparison.Ordinal);
        Assert.Contains("condition number", run.Explanation, StringComparison.Ordinal);

        // A sweep judges the same rate the same way.
        var sweep = Sweeper.Run(SurfaceCatalog.Resolve("rosenbrock"), OptimizerFactory.Create("sgd", new OptimizerOptions { Lr = lr }), new SweepOptions { LrMin = lr, LrMax = lr, Count = 1, Steps = 500 });
        Assert.Equal(Verdict.JustRight, Assert.Single(sweep.Rows).Verdict);
    }

    [Theory]
    [InlineData("sgd", 0.0005)]
    [InlineData("adam", 0.0015)]
    public void A_crawl_well_below_the_ceiling_or_with_an_adaptive_optimizer_asks_for_a_larger_rate(string optimizer, double lr)
    {
        // 0.0005 is a quarter of the limit; Adam's step does not scale with the gradient, so 2/λmax is no ceiling for it.
        var run = Run("rosenbrock", lr, steps: 500, optimizer: optimizer);
        Assert.Equal(Verdict.TooSmall, run.Verdict);
        Assert.Contains("A larger rate would get there sooner", run.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Bowl_at_0_001_in_a_short_run_extrapolates_past_1000_steps()
    {
        var run = Run("bowl", 0.001);
        Assert.Equal(Verdict.TooSmall, run.Verdict);
        Assert.Null(run.StepsToConverge);
        Assert.InRange(run.EstimatedStepsToConverge!.Value, 1001, 5000);
    }

    [Fact]
    public void Bowl_at_0_05_is_just_right_smooth_in_tens_of_steps()
    {
        var run = Run("bowl", 0.05);
        Assert.Equal(Verdict.JustRight, run.Verdict);
        Assert.Equal(Pattern.Smooth, run.Pattern);
        Assert.InRange(run.StepsToConverge!.Value, 10, 99);
    }

    [Fact]
    public void Bowl_at_0_3_converges_while_oscillating()
    {
        var run = Run("bowl", 0.3);
        Assert.Equal(Pattern.Oscillating, run.Pattern);
        Assert.NotNull(run.StepsToConverge);
        Assert.Equal(Verdict.JustRight, run.Verdict);
    }

    [Fact]
    public void Bowl_at_0_5_bounces_forever()
    {
        var run = Run("bowl", 0.5);
        Assert.Equal(Verdict.TooLarge, run.Verdict);
        Assert.Equal(Pattern.Oscillating, run.Pattern);
        Assert.Null(run.StepsToConverge);
        Assert.Equal(18.0, run.FinalLoss, 12); // y flips between +3 and −3, x is gone after one step
    }

    [Theory]
    [InlineData(0.6)]
    [InlineData(1.0)]
    public void Bowl_above_0_5_diverges(double lr)
    {
        var run = Run("bowl", lr);
        Assert.Equal(Verdict.TooLarge, run.Verdict);
        Assert.Equal(Pattern.Diverging, run.Pattern);
    }

    [Fact]
    public void Ravine_is_already_too_large_at_0_05()
    {
        var run = Run("ravine", 0.05);
        Assert.Equal(Verdict.TooLarge, run.Verdict);
        Assert.Equal(Pattern.Diverging, run.Pattern);
        Assert.Equal(Verdict.JustRight, Run("bowl", 0.05).Verdict);
    }

    [Fact]
    public void Worked_example_on_w_squared_matches_the_lesson()
    {
        var small = Run("parabola", 0.1, steps: 1);
        Assert.Equal(3.2, small.Steps[1].Params[0], 15);
        var large = Run("parabola", 1.5, steps: 2);
        Assert.Equal([4.0, -8.0, 16.0], large.Steps.Select(p => p.Params[0]));
        Assert.Equal([16.0, 64.0, 256.0], large.Steps.Select(p => p.Loss));
    }

    [Fact]
    public void Overflow_stops_the_run_and_reports_the_step_without_throwing()
    {
        var run = Run("bowl", 1e6, steps: 500);
        Assert.Equal(Verdict.TooLarge, run.Verdict);
        Assert.NotNull(run.BlowUpStep);
        Assert.Equal(run.BlowUpStep!.Value + 1, run.Steps.Count);
        Assert.False(double.IsFinite(run.Steps[^1].Loss));
        Assert.True(double.IsFinite(run.FinalLoss));
        Assert.Contains($"step {run.BlowUpStep}", run.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Nan_from_a_formula_is_reported_as_nan()
    {
        var run = Run("sqrt(x) + y^2", 0.1, options: new SimulationOptions { Start = [-1, 1] });
        Assert.Equal(Verdict.TooLarge, run.Verdict);
        Assert.Equal(Pattern.Nan, run.Pattern);
        Assert.Equal(0, run.BlowUpStep);
    }

    [Fact]
    public void Steps_start_at_the_start_point_and_record_the_rate_of_the_next_update()
    {
        var schedule = ScheduleSpec.Parse("StepLR(step_size=3, gamma=0.5)").Schedule!;
        var run = Run("bowl", 0.1, steps: 7, options: new SimulationOptions { Schedule = schedule });
        Assert.Equal(8, run.Steps.Count);
        Assert.Equal([-4.0, 3.0], run.Steps[0].Params);
        Assert.Equal(Enumerable.Range(0, 8), run.Steps.Select(p => p.Step));
        Assert.Equal([0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025], run.Steps.Select(p => p.Lr));

        // update k used the rate recorded at point k-1: x_{k} = x_{k-1}(1 - 2·lr)
        for (var k = 1; k < run.Steps.Count; k++)
        {
            Assert.Equal(run.Steps[k - 1].Params[0] * (1 - 2 * run.Steps[k - 1].Lr), run.Steps[k].Params[0], 12);
        }
    }

    [Fact]
    public void A_decay_schedule_rescues_a_rate_that_starts_too_large()
    {
        var fixedRate = Run("bowl", 0.55, steps: 100);
        var schedule = ScheduleSpec.Parse("MultiStepLR(milestones=[10], gamma=0.1)").Schedule!;
        var decayed = Run("bowl", 0.55, steps: 100, options: new SimulationOptions { Schedule = schedule });
        Assert.Equal(Verdict.TooLarge, fixedRate.Verdict);
        Assert.True(decayed.FinalLoss < 1e-6, $"final loss {decayed.FinalLoss}");
    }

    [Fact]
    public void Noisy_bowl_is_reproducible_for_a_seed_and_differs_across_seeds()
    {
        var a = Run("noisy-bowl", 0.05, options: new SimulationOptions { Seed = 7 });
        var b = Run("noisy-bowl", 0.05, options: new SimulationOptions { Seed = 7 });
        var c = Run("noisy-bowl", 0.05, options: new SimulationOptions { Seed = 8 });
        Assert.Equal(a.Steps.Select(p => p.Loss), b.Steps.Select(p => p.Loss));
        Assert.NotEqual(a.Steps.Select(p => p.Loss), c.Steps.Select(p => p.Loss));
    }

    [Fact]
    public void Larger_batches_settle_closer_to_the_minimum()
    {
        static double Tail(Trajectory t) => t.Steps.Skip(100).Average(p => p.Loss);
        var one = Tail(Run("noisy-bowl", 0.05, options: new SimulationOptions { BatchSize = 1, Seed = 3 }));
        var many = Tail(Run("noisy-bowl", 0.05, options: new SimulationOptions { BatchSize = 64, Seed = 3 }));
        Assert.True(many < one / 10, $"batch 64 tail loss {many} vs batch 1 {one}");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(SimulationOptions.MaxSteps + 1)]
    public void Bad_step_counts_are_input_errors(int steps)
    {
        var e = Assert.Throws<InputException>(() => Run("bowl", 0.1, steps));
        Assert.Equal("steps", e.Parameter);
    }

    [Fact]
    public void A_start_with_the_wrong_dimension_is_an_input_error()
    {
        var e = Assert.Throws<InputException>(() => Run("bowl", 0.1, options: new SimulationOptions { Start = [1.0] }));
        Assert.Contains("start needs 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Steps_to_converge_is_the_first_step_after_which_the_gap_stays_below_a_thousandth()
    {
        var run = Run("bowl", 0.05);
        var k = run.StepsToConverge!.Value;
        var gap0 = run.Steps[0].Loss;
        Assert.True(run.Steps[k - 1].Loss > 1e-3 * gap0);
        Assert.All(run.Steps.Skip(k), p => Assert.True(p.Loss <= 1e-3 * gap0));
    }

    [Fact]
    public void Every_builtin_surface_and_optimizer_runs_without_throwing()
    {
        foreach (var surface in SurfaceCatalog.BuiltIns)
        {
            foreach (var name in OptimizerFactory.Names)
            {
                foreach (var lr in new[] { 1e-5, 0.01, 1.0, 1e3 })
                {
                    var run = Simulator.Run(surface, OptimizerFactory.Create(name, new OptimizerOptions { Lr = lr }), new SimulationOptions { Steps = 50 });
                    Assert.NotEmpty(run.Explanation);
                    Assert.InRange(run.Steps.Count, 1, 51);
                }
            }
        }
    }
}
