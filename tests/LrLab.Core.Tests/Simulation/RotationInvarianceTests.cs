using LrLab.Core.Optimizers;
using LrLab.Core.Simulation;
using LrLab.Core.Surfaces;
using LrLab.Core.Sweep;

namespace LrLab.Core.Tests.Simulation;

/// <summary>
/// The verdict is a property of the run, not of the axes it is drawn in. rotated-ravine is the ravine turned by 45°
/// (same curvatures 1 and 50, its start turned with it), so every optimizer whose update turns with the surface (plain
/// SGD, heavy ball, Nesterov) follows the same path, turned, and must get the same verdict and pattern. Adam, RMSprop
/// and Adagrad scale each coordinate separately, so their paths genuinely differ there and are not compared.
/// </summary>
public sealed class RotationInvarianceTests
{
    private static readonly double[] _rates =
        [0.001, 0.003, 0.01, 0.015, 0.02, 0.0248, 0.025, 0.028, 0.03, 0.0316, 0.035, 0.038, 0.039, 0.0399, 0.041, 0.05];

    public static TheoryData<string> Optimizers => ["sgd", "momentum", "nesterov"];

    private static Trajectory Run(string surface, string optimizer, double lr, int steps = 200) =>
        Simulator.Run(SurfaceCatalog.Resolve(surface), OptimizerFactory.Create(optimizer, new OptimizerOptions { Lr = lr }), new SimulationOptions { Steps = steps });

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void Ravine_and_rotated_ravine_get_the_same_verdict_at_every_rate(string optimizer)
    {
        var differences = new List<string>();
        foreach (var lr in _rates)
        {
            var aligned = Run("ravine", optimizer, lr);
            var turned = Run("rotated-ravine", optimizer, lr);
            if ((aligned.Verdict, aligned.Pattern) != (turned.Verdict, turned.Pattern))
            {
                differences.Add($"{optimizer} at {lr}: ravine {aligned.Verdict}/{aligned.Pattern}, rotated {turned.Verdict}/{turned.Pattern}");
            }
        }

        Assert.Empty(differences);
    }

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void A_sweep_judges_both_ravines_alike(string optimizer)
    {
        var options = new SweepOptions { LrMin = 1e-3, LrMax = 0.05, Count = 25 };
        var aligned = Sweeper.Run(SurfaceCatalog.Resolve("ravine"), OptimizerFactory.Create(optimizer, new OptimizerOptions { Lr = 0.01 }), options);
        var turned = Sweeper.Run(SurfaceCatalog.Resolve("rotated-ravine"), OptimizerFactory.Create(optimizer, new OptimizerOptions { Lr = 0.01 }), options);
        Assert.Equal(aligned.Rows.Select(r => (r.Verdict, r.Pattern)), turned.Rows.Select(r => (r.Verdict, r.Pattern)));
    }

    [Fact]
    public void A_bounce_that_dies_out_does_not_make_a_crawl_too_large()
    {
        // At 0.0248 the steep direction's error flips sign (factor 1 − 0.0248·50 = −0.24) but is gone within a few
        // steps; what keeps the run slow is the flat direction (factor 0.975), which a larger rate would speed up.
        foreach (var surface in new[] { "ravine", "rotated-ravine" })
        {
            var run = Run(surface, "sgd", 0.0248);
            Assert.Equal(Verdict.TooSmall, run.Verdict);
            Assert.Equal(Pattern.Crawling, run.Pattern);
        }
    }

    [Fact]
    public void Plain_descent_at_0_03_zig_zags_on_both_ravines()
    {
        foreach (var surface in new[] { "ravine", "rotated-ravine" })
        {
            var run = Run(surface, "sgd", 0.03);
            Assert.Equal(Verdict.JustRight, run.Verdict);
            Assert.Equal(Pattern.Oscillating, run.Pattern);
        }
    }

    [Fact]
    public void Momentum_swinging_across_the_bowl_is_oscillating()
    {
        // β = 0.9 at 0.05 on the bowl: the error along each axis changes sign again and again while it shrinks.
        var run = Run("bowl", "momentum", 0.05);
        Assert.Equal(Verdict.JustRight, run.Verdict);
        Assert.Equal(Pattern.Oscillating, run.Pattern);
        Assert.True(run.Steps.Skip(1).Any(p => p.Params[0] > 0), "x should pass the minimum at 0");

        // Heavily damped (tiny rate), it slides in without crossing.
        Assert.NotEqual(Pattern.Oscillating, Run("bowl", "momentum", 0.0005, 2000).Pattern);
    }

    [Fact]
    public void Principal_axes_turn_with_the_surface()
    {
        Span<double> axes = stackalloc double[4];
        Assert.True(PrincipalAxes.TryAt(SurfaceCatalog.Resolve("rotated-ravine"), [0.0, 0.0], axes));
        var r = 1 / Math.Sqrt(2);

        // Flat direction (curvature 1) first: ±(1, 1)/√2; then the steep one: ±(1, −1)/√2.
        Assert.Equal(r, Math.Abs(axes[0]), 1e-9);
        Assert.Equal(axes[0], axes[1], 1e-9);
        Assert.Equal(r, Math.Abs(axes[2]), 1e-9);
        Assert.Equal(-axes[2], axes[3], 1e-9);
    }
}
