using LrLab.Core.Finder;
using LrLab.Core.Optimizers;
using LrLab.Core.Surfaces;

namespace LrLab.Core.Tests.Finder;

public sealed class RangeTestTests
{
    [Theory]
    [InlineData("sgd", "bowl")]
    [InlineData("momentum", "ravine")]
    [InlineData("adam", "rosenbrock")]
    [InlineData("rmsprop", "himmelblau")]
    [InlineData("nadam", "noisy-bowl")]
    public void Weights_and_optimizer_state_are_restored(string optimizer, string surface)
    {
        var target = new SurfaceRangeTestTarget(SurfaceCatalog.Resolve(surface), OptimizerFactory.Create(optimizer, new OptimizerOptions()), seed: 3);
        for (var i = 0; i < 5; i++)
        {
            target.TrainStep(0.01); // some history, so the buffers are not all zero
        }

        var weights = target.Parameters.ToArray();
        var state = target.State.Clone();

        var result = RangeTest.Run(target);

        Assert.True(result.Iterations > 10);
        Assert.True(result.Restored);
        Assert.Equal(weights, target.Parameters.ToArray());
        Assert.Equal(state.StepCount, target.State.StepCount);
        Assert.Equal(state.Initialized, target.State.Initialized);
        Assert.Equal(state.Scalars, target.State.Scalars);
        foreach (var name in state.BufferNames)
        {
            Assert.Equal(state.Buffer(name).ToArray(), target.State.Buffer(name).ToArray());
        }
    }

    [Fact]
    public void Training_after_the_test_continues_exactly_as_without_it()
    {
        var withTest = new SurfaceRangeTestTarget(new RosenbrockSurface(), OptimizerFactory.Create("adam", new OptimizerOptions()));
        var without = new SurfaceRangeTestTarget(new RosenbrockSurface(), OptimizerFactory.Create("adam", new OptimizerOptions()));
        withTest.TrainStep(0.01);
        without.TrainStep(0.01);

        RangeTest.Run(withTest);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(without.TrainStep(0.01), withTest.TrainStep(0.01));
        }

        Assert.Equal(without.Parameters.ToArray(), withTest.Parameters.ToArray());
    }

    [Fact]
    public void Weights_are_restored_when_a_step_throws()
    {
        var target = new ScriptedTarget((_, _) => 1.0) { ThrowAt = 7 };
        Assert.Throws<InvalidOperationException>(() => RangeTest.Run(target));
        Assert.Equal(1.0, target.Weight);
        Assert.Equal(1, target.Restores);
    }

    [Fact]
    public void A_seed_makes_the_noisy_test_repeatable_and_another_seed_changes_it()
    {
        FinderResult Run(int seed) => RangeTest.Run(new SurfaceRangeTestTarget(new NoisyBowlSurface(), OptimizerFactory.Create("sgd", new OptimizerOptions()), batchSize: 4, seed: seed));

        var first = Run(5);
        var again = Run(5);
        var other = Run(6);

        Assert.Equal(first.Losses, again.Losses);
        Assert.Equal(first.SuggestedLr, again.SuggestedLr);
        Assert.NotEqual(first.Losses, other.Losses);
    }

    [Theory]
    [InlineData(RangeTestMode.Exponential, 1e-7, 10.0, 100)]
    [InlineData(RangeTestMode.Exponential, 1e-3, 1.0, 2)]
    [InlineData(RangeTestMode.Linear, 0.001, 0.5, 25)]
    public void The_ramp_starts_and_ends_exactly_at_the_given_rates(RangeTestMode mode, double start, double end, int n)
    {
        var target = new ScriptedTarget((_, _) => 1.0);
        var result = RangeTest.Run(target, new RangeTestOptions { StartLr = start, EndLr = end, NumIter = n, Mode = mode });

        Assert.Equal(n, result.Iterations);
        Assert.Equal(RangeTestStop.Completed, result.StopReason);
        Assert.Equal(start, result.Lrs[0]);
        Assert.Equal(end, result.Lrs[^1], 1e-12 * end);
        Assert.Equal(result.Lrs, target.RatesSeen);
        for (var i = 1; i < n; i++)
        {
            Assert.True(result.Lrs[i] > result.Lrs[i - 1]);
            var expectedRatio = mode == RangeTestMode.Exponential
                ? Math.Log(result.Lrs[i] / result.Lrs[i - 1]) - Math.Log(end / start) / (n - 1)
                : (result.Lrs[i] - result.Lrs[i - 1]) - (end - start) / (n - 1);
            Assert.True(Math.Abs(expectedRatio) < 1e-9, $"uneven step at {i}");
        }
    }

    [Fact]
    public void Smoothing_is_the_debiased_moving_average()
    {
        double[] raw = [3.0, 1.0, 2.0, 5.0];
        var result = RangeTest.Run(new ScriptedTarget((i, _) => raw[i]), new RangeTestOptions { NumIter = 4, Beta = 0.5, DivergeThreshold = 100 });

        // avg: 1.5, 1.25, 1.625, 3.3125; debias by 1 − 0.5^k: 0.5, 0.75, 0.875, 0.9375.
        Assert.Equal([3.0, 1.25 / 0.75, 1.625 / 0.875, 3.3125 / 0.9375], result.SmoothedLosses);
        Assert.Equal(raw, result.Losses);
    }

    [Fact]
    public void Stops_right_after_the_smoothed_loss_passes_four_times_its_best()
    {
        // Without smoothing the rule reads the raw losses: best 1, then 3.9 (stays), then 4.1 (stops).
        double[] raw = [10, 5, 1, 2, 3.9, 4.1, 0.5, 0.5];
        var target = new ScriptedTarget((i, _) => raw[i]);
        var result = RangeTest.Run(target, new RangeTestOptions { NumIter = raw.Length, Beta = 0 });

        Assert.Equal(RangeTestStop.Diverged, result.StopReason);
        Assert.Equal(6, result.Iterations);
        Assert.Equal(6, target.Steps);
        Assert.Equal(4.1, result.Losses[^1]);
    }

    [Fact]
    public void A_custom_threshold_is_honoured()
    {
        double[] raw = [1, 1.5, 2.5, 1];
        var result = RangeTest.Run(new ScriptedTarget((i, _) => raw[i]), new RangeTestOptions { NumIter = 4, Beta = 0, DivergeThreshold = 2 });
        Assert.Equal(RangeTestStop.Diverged, result.StopReason);
        Assert.Equal(3, result.Iterations);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Stops_when_the_loss_is_not_finite(double bad)
    {
        var result = RangeTest.Run(new ScriptedTarget((i, _) => i < 4 ? 1.0 - 0.1 * i : bad), new RangeTestOptions { NumIter = 50 });

        Assert.Equal(RangeTestStop.NonFinite, result.StopReason);
        Assert.Equal(5, result.Iterations);
        Assert.False(double.IsFinite(result.SmoothedLosses[^1]));
        Assert.Equal(result.Lrs[4], result.ClimbLr);
    }

    [Fact]
    public void Negative_losses_do_not_trip_the_divergence_rule()
    {
        // 4 × best would be −8 for a best of −2; the rule uses best + 3·|best| = 4 instead.
        var result = RangeTest.Run(new ScriptedTarget((i, _) => i < 10 ? -0.2 * i : 3.0), new RangeTestOptions { NumIter = 30, Beta = 0 });

        Assert.Equal(RangeTestStop.Completed, result.StopReason);
        Assert.Equal(30, result.Iterations);
    }

    [Fact]
    public void Cancelling_returns_the_partial_curve_and_restores()
    {
        var target = new ScriptedTarget((_, _) => 1.0);
        var run = new RangeTestRun(target, new RangeTestOptions());
        for (var i = 0; i < 12; i++)
        {
            Assert.True(run.Advance());
        }

        Assert.Equal(0.12, run.Progress, 12);
        var result = run.Complete();

        Assert.Equal(RangeTestStop.Cancelled, result.StopReason);
        Assert.Equal(12, result.Iterations);
        Assert.Equal(1.0, target.Weight);
        Assert.False(run.Advance());
        Assert.Equal(12, target.Steps);
    }

    [Fact]
    public void A_cancellation_token_stops_the_loop()
    {
        using var source = new CancellationTokenSource();
        var target = new ScriptedTarget((i, _) => 1.0);
        var progress = new SynchronousProgress(run =>
        {
            if (run.Iteration == 20)
            {
                source.Cancel();
            }
        });

        var result = RangeTest.Run(target, new RangeTestOptions(), progress, source.Token);

        Assert.Equal(20, result.Iterations);
        Assert.Equal(RangeTestStop.Cancelled, result.StopReason);
        Assert.Equal(1.0, target.Weight);
    }

    [Fact]
    public void The_bowl_suggests_a_rate_inside_its_stable_range()
    {
        // Plain gradient descent on the bowl (λmax = 4) diverges above 0.5; 0.05 is smooth and 0.001 crawls.
        var result = RangeTest.Run(new SurfaceRangeTestTarget(new BowlSurface(), OptimizerFactory.Create("sgd", new OptimizerOptions())));

        Assert.Equal(FinderAnalysis.SteepestDescent, result.Method);
        Assert.InRange(result.SuggestedLr!.Value, 0.01, 0.5);
        // The smoothed loss remembers the start (34) for tens of batches, so it only climbs visibly once
        // the raw loss has exploded, a few batches past the stability limit.
        Assert.InRange(result.ClimbLr!.Value, 0.5, 5.0);
        Assert.Equal(RangeTestStop.Diverged, result.StopReason);
        Assert.Equal([RegionKind.Flat, RegionKind.Descending, RegionKind.Best, RegionKind.Climbing], result.Regions.Select(r => r.Kind));
    }

    [Fact]
    public void A_start_that_does_not_fit_the_surface_is_an_input_error()
    {
        var e = Assert.Throws<InputException>(() => new SurfaceRangeTestTarget(new BowlSurface(), OptimizerFactory.Create("sgd", new OptimizerOptions()), [1.0]));
        Assert.Equal("start", e.Parameter);
        Assert.Throws<InputException>(() => new SurfaceRangeTestTarget(new BowlSurface(), OptimizerFactory.Create("sgd", new OptimizerOptions()), batchSize: 0));
    }

    private sealed class SynchronousProgress(Action<RangeTestRun> report) : IProgress<RangeTestRun>
    {
        public void Report(RangeTestRun value) => report(value);
    }
}
