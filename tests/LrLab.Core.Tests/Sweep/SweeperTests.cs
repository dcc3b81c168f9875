using LrLab.Core.Optimizers;
using LrLab.Core.Schedules;
using LrLab.Core.Simulation;
using LrLab.Core.Surfaces;
using LrLab.Core.Sweep;
using LrLab.Core.Theory;

namespace LrLab.Core.Tests.Sweep;

public sealed class SweeperTests
{
    private static SweepResult Sweep(string surface, string optimizer, double min, double max, int count, int steps = 200, double? momentum = null) =>
        Sweeper.Run(
            SurfaceCatalog.Resolve(surface),
            OptimizerFactory.Create(optimizer, new OptimizerOptions { Momentum = momentum }),
            new SweepOptions { LrMin = min, LrMax = max, Count = count, Steps = steps });

    [Theory]
    [InlineData("bowl", "sgd", null, 0.5)] // 2/λmax with λmax = 4
    [InlineData("bowl", "momentum", 0.9, 0.95)] // (2 + 2β)/λmax
    [InlineData("bowl", "momentum", 0.5, 0.75)]
    [InlineData("bowl", "nesterov", 0.9, 3.8 / 2.8 / 4)] // (2 + 2β)/((1 + 2β)·λmax)
    [InlineData("ravine", "sgd", null, 0.04)] // 2/50
    [InlineData("parabola", "sgd", null, 1.0)]
    public void Empirical_divergence_limit_matches_theory_within_one_grid_step(string surface, string optimizer, double? momentum, double theory)
    {
        // 300 rates from 0.001 to 3: neighbouring rates differ by 2.7 %.
        var sweep = Sweep(surface, optimizer, 0.001, 3, 300, momentum: momentum);
        var limit = Assert.IsType<double>(sweep.DivergenceLimit);
        Assert.InRange(limit, theory, theory * 1.03);
        var predicted = sweep.Theory.MomentumLimit ?? sweep.Theory.StabilityLimit;
        Assert.Equal(theory, predicted!.Value, 12);
    }

    [Fact]
    public void Ravine_diverges_at_or_below_0_05_where_the_bowl_is_still_fine()
    {
        var ravine = Sweep("ravine", "sgd", 0.01, 1, 101);
        var bowl = Sweep("bowl", "sgd", 0.01, 1, 101);
        Assert.True(ravine.DivergenceLimit <= 0.05, $"ravine limit {ravine.DivergenceLimit}");
        Assert.True(bowl.DivergenceLimit >= 0.5, $"bowl limit {bowl.DivergenceLimit}");
    }

    [Fact]
    public void Bowl_regimes_run_too_small_then_just_right_then_too_large()
    {
        var sweep = Sweep("bowl", "sgd", 1e-4, 2, 60);
        var order = sweep.Bands.Select(b => b.Verdict).ToArray();
        Assert.Equal([Verdict.TooSmall, Verdict.JustRight, Verdict.TooLarge], order);
        Assert.Equal(1e-4, sweep.Bands[0].From);
        Assert.Equal(2, sweep.Bands[^1].To);
        for (var i = 1; i < sweep.Bands.Count; i++)
        {
            Assert.Equal(sweep.Bands[i - 1].To, sweep.Bands[i].From);
        }

        // The fastest rate sits between 2/(λmin+λmax) = 1/3 and the stability limit 0.5... or close below it.
        Assert.InRange(sweep.BestLr!.Value, 0.2, 0.5);
    }

    [Theory]
    [InlineData("bowl", "sgd", 0)]
    [InlineData("ravine", "momentum", 0)]
    [InlineData("rosenbrock", "adam", 0)]
    [InlineData("noisy-bowl", "sgd", 4)]
    [InlineData("himmelblau", "rmsprop", 0)]
    [InlineData("plateau", "adagrad", 0)]
    public void Every_row_is_what_a_separate_simulation_reports(string surfaceName, string optimizerName, int batch)
    {
        var surface = SurfaceCatalog.Resolve(surfaceName);
        var optimizer = OptimizerFactory.Create(optimizerName, new OptimizerOptions());
        var schedule = ScheduleSpec.Parse("StepLR(step_size=40, gamma=0.5)").Schedule;
        var options = new SweepOptions { LrMin = 1e-4, LrMax = 2, Count = 25, Steps = 150, BatchSize = Math.Max(1, batch), Seed = 7, Schedule = schedule };
        var sweep = Sweeper.Run(surface, optimizer, options);
        Assert.Equal(25, sweep.Rows.Count);
        foreach (var row in sweep.Rows)
        {
            var run = Simulator.Run(
                surface,
                OptimizerFactory.Create(optimizerName, new OptimizerOptions { Lr = row.Lr }),
                new SimulationOptions { Steps = 150, BatchSize = options.BatchSize, Seed = 7, Schedule = schedule });
            Assert.Equal(run.FinalLoss, row.FinalLoss);
            Assert.Equal(run.StepsToConverge, row.StepsToConverge);
            Assert.Equal(run.Verdict, row.Verdict);
            Assert.Equal(run.Pattern, row.Pattern);
        }
    }

    // Without a schedule or noise the sweep advances its rates together in chunks (two full ones and a ragged one
    // here), on one thread or spread over several; every row must still be the separate simulation's, blow-ups included.
    [Theory]
    [InlineData("bowl", "sgd", 1)]
    [InlineData("bowl", "adam", 2)]
    [InlineData("ravine", "momentum", 2)]
    [InlineData("rosenbrock", "rmsprop", 1)]
    [InlineData("himmelblau", "adagrad", 3)]
    public void Rates_run_together_give_the_rows_of_separate_simulations(string surfaceName, string optimizerName, int threads)
    {
        var surface = SurfaceCatalog.Resolve(surfaceName);
        var optimizer = OptimizerFactory.Create(optimizerName, new OptimizerOptions());
        var options = new SweepOptions { LrMin = 1e-4, LrMax = 2, Count = 70, Steps = 200, MaxDegreeOfParallelism = threads };
        var sweep = Sweeper.Run(surface, optimizer, options);
        Assert.Equal(70, sweep.Rows.Count);
        foreach (var row in sweep.Rows)
        {
            var run = Simulator.Run(surface, OptimizerFactory.Create(optimizerName, new OptimizerOptions { Lr = row.Lr }), new SimulationOptions { Steps = 200 });
            Assert.Equal(run.FinalLoss, row.FinalLoss);
            Assert.Equal(run.StepsToConverge, row.StepsToConverge);
            Assert.Equal(run.Verdict, row.Verdict);
            Assert.Equal(run.Pattern, row.Pattern);
        }

        if (optimizerName == "sgd")
        {
            Assert.Contains(sweep.Rows, r => r.Pattern is Pattern.Diverging or Pattern.Nan);
        }
    }

    [Fact]
    public void Parallel_sweep_gives_the_same_rows_as_a_sequential_one()
    {
        var surface = SurfaceCatalog.Resolve("noisy-bowl");
        var optimizer = OptimizerFactory.Create("adam", new OptimizerOptions());
        var options = new SweepOptions { LrMin = 1e-3, LrMax = 3, Count = 64, Steps = 100, Seed = 3 };
        var one = Sweeper.Run(surface, optimizer, options);
        var many = Sweeper.Run(surface, optimizer, options with { MaxDegreeOfParallelism = 4 });
        Assert.Equal(one.Rows, many.Rows);
    }

    [Fact]
    public void Comparison_shows_sgds_cliff_and_adams_wide_basin()
    {
        var surface = SurfaceCatalog.Resolve("bowl");
        var names = new[] { "sgd", "momentum", "adam", "rmsprop", "adagrad" };
        var comparison = Sweeper.Compare(
            surface,
            [.. names.Select(n => OptimizerFactory.Create(n, new OptimizerOptions()))],
            new SweepOptions { LrMin = 1e-4, LrMax = 10, Count = 51 });
        Assert.Equal(names, comparison.Sweeps.Select(s => s.Optimizer));
        var sgd = comparison.Sweeps[0];
        var adam = comparison.Sweeps[2];
        Assert.All(comparison.Sweeps, s => Assert.Equal(sgd.Rows.Select(r => r.Lr), s.Rows.Select(r => r.Lr)));

        // SGD falls off a cliff just above 0.5; Adam's step length is about lr whatever the gradient, so it never blows up.
        Assert.InRange(sgd.DivergenceLimit!.Value, 0.5, 0.6);
        Assert.True(adam.DivergenceLimit is null || adam.DivergenceLimit > 5 * sgd.DivergenceLimit, $"adam limit {adam.DivergenceLimit}");
        Assert.DoesNotContain(adam.Rows, r => r.Pattern is Pattern.Nan);
    }

    [Fact]
    public void Theory_lines_for_the_bowl()
    {
        var theory = TheoryLines.From(RateTheory.For(SurfaceCatalog.Resolve("bowl"), OptimizerFactory.Create("momentum", new OptimizerOptions())));
        Assert.Equal(4, theory.LambdaMax);
        Assert.Equal(2, theory.LambdaMin);
        Assert.Equal(0.25, theory.MonotoneLimit);
        Assert.Equal(1.0 / 3, theory.OptimalRate!.Value, 15);
        Assert.Equal(0.5, theory.StabilityLimit);
        Assert.Equal(0.95, theory.MomentumLimit!.Value, 15);
        Assert.Equal(0.9, theory.Momentum);
        Assert.Null(TheoryLines.From(RateTheory.For(SurfaceCatalog.Resolve("bowl"), OptimizerFactory.Create("adam", new OptimizerOptions()))).MomentumLimit);
    }

    [Theory]
    [InlineData(1e-4, 1, 5, new[] { 1e-4, 1e-3, 1e-2, 1e-1, 1 })]
    [InlineData(0.5, 0.5, 1, new[] { 0.5 })]
    [InlineData(0.01, 100, 3, new[] { 0.01, 1, 100 })]
    public void Rates_are_log_spaced_with_exact_ends(double min, double max, int count, double[] expected)
    {
        var rates = Sweeper.LogSpace(min, max, count);
        Assert.Equal(expected.Length, rates.Length);
        for (var i = 0; i < rates.Length; i++)
        {
            Assert.Equal(expected[i], rates[i], expected[i] * 1e-12);
        }
    }

    [Theory]
    [InlineData(0, 1, 10, "lr_min")]
    [InlineData(-1, 1, 10, "lr_min")]
    [InlineData(1, 0.5, 10, "lr_max")]
    [InlineData(0.1, double.PositiveInfinity, 10, "lr_max")]
    [InlineData(0.1, 1, 0, "count")]
    [InlineData(0.1, 1, 10_001, "count")]
    public void Bad_ranges_name_the_flag(double min, double max, int count, string flag)
    {
        var error = Assert.Throws<InputException>(() => Sweeper.LogSpace(min, max, count));
        Assert.Equal(flag, error.Parameter);
    }

    [Fact]
    public void Bad_start_is_reported()
    {
        var error = Assert.Throws<InputException>(() => Sweeper.Run(
            SurfaceCatalog.Resolve("bowl"), OptimizerFactory.Create("sgd", new OptimizerOptions()), new SweepOptions { Start = [1.0] }));
        Assert.Contains("start", error.Message, StringComparison.Ordinal);
    }
}

public sealed class SweepRunnerTests
{
    [Fact]
    public void Rate_by_rate_in_any_order_gives_the_same_result_as_a_whole_sweep()
    {
        var surface = SurfaceCatalog.Resolve("ravine");
        var optimizer = OptimizerFactory.Create("momentum", new OptimizerOptions());
        var options = new SweepOptions { LrMin = 1e-3, LrMax = 1, Count = 33, Steps = 120 };
        var runner = new SweepRunner(surface, optimizer, options);
        var rows = new SweepRow[runner.Rates.Count];
        foreach (var i in Enumerable.Range(0, rows.Length).Reverse())
        {
            rows[i] = runner.Run(i);
        }

        var whole = Sweeper.Run(surface, optimizer, options);
        var pieces = runner.Result(rows);
        Assert.Equal(whole.Rows, pieces.Rows);
        Assert.Equal(whole.DivergenceLimit, pieces.DivergenceLimit);
        Assert.Equal(whole.Bands, pieces.Bands);
    }
}
