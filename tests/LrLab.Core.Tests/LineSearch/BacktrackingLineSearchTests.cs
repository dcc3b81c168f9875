using LrLab.Core.LineSearch;
using LrLab.Core.Optimizers;
using LrLab.Core.Simulation;
using LrLab.Core.Surfaces;

namespace LrLab.Core.Tests.LineSearch;

public sealed class BacktrackingLineSearchTests
{
    [Theory]
    [InlineData("bowl", 10.0, 0.5, 1e-4)]
    [InlineData("ravine", 0.05, 0.5, 1e-4)]
    [InlineData("ravine", 1.0, 0.7, 0.3)]
    [InlineData("rosenbrock", 0.1, 0.5, 1e-4)]
    [InlineData("himmelblau", 1.0, 0.3, 0.1)]
    [InlineData("x^2 + 3*sin(y)^2", 2.0, 0.5, 1e-4)]
    public void Every_committed_step_satisfies_armijo_and_probes_lie_on_the_descent_ray(string surfaceName, double lr, double shrink, double c)
    {
        var surface = SurfaceCatalog.Resolve(surfaceName);
        var armijo = new ArmijoOptions { Shrink = shrink, C = c };
        var run = BacktrackingLineSearch.Run(surface, lr, armijo, new SimulationOptions { Steps = 60 });
        var searches = run.LineSearch!;
        Assert.Equal(run.Steps.Count - 1, searches.Count);
        var gradient = new double[surface.Dimension];
        for (var k = 1; k < run.Steps.Count; k++)
        {
            var before = run.Steps[k - 1];
            var search = searches[k - 1];
            Assert.Equal(k, search.Step);
            var loss = surface.ValueAndGradient(before.Params, gradient);
            var squared = gradient.Sum(g => g * g);
            Assert.Equal(lr, search.Probes[0].Alpha);
            for (var i = 0; i < search.Probes.Count; i++)
            {
                var probe = search.Probes[i];
                Assert.Equal(lr * Math.Pow(shrink, i), probe.Alpha, lr * 1e-12);
                for (var d = 0; d < gradient.Length; d++)
                {
                    Assert.Equal(before.Params[d] - (probe.Alpha * gradient[d]), probe.Params[d], 12);
                }

                Assert.Equal(surface.Value(probe.Params), probe.Loss);
                var armijoHolds = probe.Loss <= loss - (c * probe.Alpha * squared);
                Assert.Equal(armijoHolds, probe.Accepted);
                Assert.True(probe.Accepted == (i == search.Probes.Count - 1 && search.Satisfied), $"step {k} probe {i}");
            }

            if (search.Satisfied)
            {
                Assert.Equal(search.Probes[^1].Params, run.Steps[k].Params);
                Assert.Equal(search.Probes[^1].Alpha, search.Alpha);
            }

            Assert.True(run.Steps[k].Loss <= before.Loss, $"loss rose at step {k}");
        }
    }

    [Fact]
    public void Converges_on_the_ravine_where_a_fixed_0_05_diverges()
    {
        var ravine = SurfaceCatalog.Resolve("ravine");
        var fixedRate = Simulator.Run(ravine, OptimizerFactory.Create("sgd", new OptimizerOptions { Lr = 0.05 }), new SimulationOptions());
        var searched = BacktrackingLineSearch.Run(ravine, 0.05);
        Assert.Equal(Pattern.Diverging, fixedRate.Pattern);
        Assert.NotNull(searched.StepsToConverge);
        Assert.NotEqual(Verdict.TooLarge, searched.Verdict);
        Assert.True(searched.FinalLoss < 1e-3 * searched.Steps[0].Loss);
        Assert.Contains(searched.LineSearch!, s => s.Probes.Count > 1); // it had to shorten some steps
        Assert.Equal("linesearch", searched.Optimizer);
        Assert.Null(fixedRate.LineSearch);
    }

    [Fact]
    public void A_huge_initial_step_on_the_bowl_is_tamed()
    {
        var run = BacktrackingLineSearch.Run(SurfaceCatalog.Resolve("bowl"), 100);
        Assert.Equal(Verdict.JustRight, run.Verdict);
        Assert.All(run.LineSearch!, s => Assert.InRange(s.Alpha, 0, 0.5));
    }

    [Fact]
    public void Without_enough_probes_the_point_stays_when_no_probe_lowers_the_loss()
    {
        var run = BacktrackingLineSearch.Run(SurfaceCatalog.Resolve("bowl"), 100, new ArmijoOptions { MaxProbes = 1 }, new SimulationOptions { Steps = 3 });
        Assert.All(run.LineSearch!, s =>
        {
            Assert.False(s.Satisfied);
            Assert.Equal(0, s.Alpha);
            Assert.Single(s.Probes);
        });
        Assert.Equal(run.Steps[0].Params, run.Steps[^1].Params);
    }

    [Fact]
    public void A_schedule_sets_each_updates_first_trial_step()
    {
        var schedule = Core.Schedules.ScheduleSpec.Parse("StepLR(step_size=2, gamma=0.5)").Schedule;
        var run = BacktrackingLineSearch.Run(SurfaceCatalog.Resolve("bowl"), 0.2, null, new SimulationOptions { Steps = 5, Schedule = schedule });
        Assert.Equal([0.2, 0.2, 0.1, 0.1, 0.05], run.LineSearch!.Select(s => s.Probes[0].Alpha));
    }

    [Theory]
    [InlineData(0.0, 1e-4, 20, "shrink")]
    [InlineData(1.0, 1e-4, 20, "shrink")]
    [InlineData(0.5, 0.0, 20, "c")]
    [InlineData(0.5, 1.5, 20, "c")]
    [InlineData(0.5, 1e-4, 0, "max_probes")]
    public void Bad_options_name_their_flag(double shrink, double c, int probes, string flag)
    {
        var error = Assert.Throws<InputException>(() => BacktrackingLineSearch.Run(SurfaceCatalog.Resolve("bowl"), 0.1, new ArmijoOptions { Shrink = shrink, C = c, MaxProbes = probes }));
        Assert.Equal(flag, error.Parameter);
    }
}
