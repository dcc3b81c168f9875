using LrLab.Core.Optimizers;
using LrLab.Core.Simulation;
using LrLab.Core.Surfaces;
using LrLab.Core.Theory;

namespace LrLab.Core.Tests.Surfaces;

public class TheoryAndFlowTests
{
    [Fact]
    public void Momentum_limits_on_the_bowl_at_beta_0_9()
    {
        var bowl = SurfaceCatalog.Find("bowl")!.Curvature!;
        Assert.Equal(0.95, MomentumTheory.For(bowl, 0.9)!.StabilityLimit!.Value, 12);
        Assert.Equal(3.8 / 11.2, MomentumTheory.For(bowl, 0.9, nesterov: true)!.StabilityLimit!.Value, 12);
        Assert.Equal(0.5, MomentumTheory.For(bowl, 0)!.StabilityLimit!.Value, 12);
        Assert.Equal(0.1, MomentumTheory.EffectiveRate(0.01, 0.9), 12);
    }

    [Theory]
    [InlineData(0.93, false)]
    [InlineData(0.97, true)]
    public void Heavy_ball_diverges_just_above_its_limit_not_below(double lr, bool diverges)
    {
        var run = Simulator.Run(SurfaceCatalog.Find("bowl")!, new Sgd(new OptimizerOptions { Lr = lr, Momentum = 0.9 }), new SimulationOptions { Steps = 2000 });
        Assert.Equal(diverges, run.Pattern == Pattern.Diverging);
    }

    [Fact]
    public void Best_heavy_ball_matches_polyak_on_the_ravine()
    {
        var c = SurfaceCatalog.Find("ravine")!.Curvature!;
        var r = (Math.Sqrt(50) - 1) / (Math.Sqrt(50) + 1);
        Assert.Equal(r * r, MomentumTheory.BestBeta(c), 12);
        Assert.Equal(4 / Math.Pow(Math.Sqrt(50) + 1, 2), MomentumTheory.BestRate(c), 12);
        Assert.Equal(49.0 / 51, LrLab.Core.Theory.RateTheory.GradientDescent(c)!.Contraction(c.OptimalRate)!.Value, 12);
        Assert.Equal(r, MomentumTheory.For(c, r * r)!.Contraction(MomentumTheory.BestRate(c))!.Value, 6);
    }

    [Fact]
    public void Gradient_flow_on_the_bowl_is_the_exponential_decay()
    {
        var bowl = SurfaceCatalog.Find("bowl")!;
        var flow = GradientFlow.Trace(bowl, [-4, 3], 2, 40);
        foreach (var p in flow)
        {
            Assert.Equal(-4 * Math.Exp(-2 * p.Time), p.Params[0], 9);
            Assert.Equal(3 * Math.Exp(-4 * p.Time), p.Params[1], 9);
        }
    }

    [Fact]
    public void Gradient_flow_rejects_bad_input()
    {
        var bowl = SurfaceCatalog.Find("bowl")!;
        Assert.Throws<InputException>(() => GradientFlow.Trace(bowl, [1], 1, 10));
        Assert.Throws<InputException>(() => GradientFlow.Trace(bowl, [1, 1], double.NaN, 10));
        Assert.Throws<InputException>(() => GradientFlow.Trace(bowl, [1, 1], 1, 0));
    }

    [Fact]
    public void Rotated_ravine_is_the_ravine_turned_so_sgd_cannot_tell_them_apart()
    {
        var ravine = SurfaceCatalog.Find("ravine")!;
        var rotated = SurfaceCatalog.Find("rotated-ravine")!;
        Assert.Equal(ravine.Curvature!.LambdaMax, rotated.Curvature!.LambdaMax);
        Assert.Equal(ravine.Curvature.LambdaMin, rotated.Curvature.LambdaMin);
        Assert.Equal(ravine.Value([-4, 1]), rotated.Value([.. rotated.DefaultStart]), 12);

        foreach (var lr in new[] { 0.01, 0.03, 0.039 })
        {
            var a = Simulator.Run(ravine, new Sgd(new OptimizerOptions { Lr = lr }));
            var b = Simulator.Run(rotated, new Sgd(new OptimizerOptions { Lr = lr }));
            for (var k = 0; k < a.Steps.Count; k++)
            {
                Assert.Equal(a.Steps[k].Loss, b.Steps[k].Loss, 1e-9 * Math.Max(1, a.Steps[k].Loss));
            }
        }
    }

    [Fact]
    public void Adam_is_much_slower_on_the_rotated_ravine_at_0_1()
    {
        var adam = new OptimizerOptions { Lr = 0.1 };
        var a = Simulator.Run(SurfaceCatalog.Find("ravine")!, new Adam(adam));
        var b = Simulator.Run(SurfaceCatalog.Find("rotated-ravine")!, new Adam(adam));
        Assert.Equal(60, a.StepsToConverge);
        Assert.Equal(186, b.StepsToConverge);
    }
}
