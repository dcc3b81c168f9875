using CsCheck;
using LrLab.Core.Optimizers;
using LrLab.Core.Simulation;
using LrLab.Core.Surfaces;
using LrLab.Core.Theory;

namespace LrLab.Core.Tests.Theory;

public sealed class RateTheoryTests
{
    private static RateTheory Bowl(string optimizer, OptimizerOptions? options = null) =>
        RateTheory.For(SurfaceCatalog.Resolve("bowl"), OptimizerFactory.Create(optimizer, options ?? new OptimizerOptions()))!;

    [Theory]
    [InlineData("sgd", null, 0.5, "2/λmax")]
    [InlineData("momentum", 0.9, 0.95, "(2+2β)/λmax")]
    [InlineData("momentum", 0.5, 0.75, "(2+2β)/λmax")]
    [InlineData("nesterov", 0.9, 3.8 / 2.8 / 4, "(2+2β)/((1+2β)λmax)")]
    public void Limits_on_the_bowl(string optimizer, double? momentum, double limit, string formula)
    {
        var theory = Bowl(optimizer, new OptimizerOptions { Momentum = momentum });
        Assert.Equal(limit, theory.StabilityLimit!.Value, 12);
        Assert.Equal(formula, theory.LimitFormula);
        Assert.Equal(0.5, theory.GradientDescentLimit);
        Assert.Equal(1.0 / 3, theory.OptimalRate!.Value, 15);
    }

    [Fact]
    public void Nesterov_at_0_9_on_the_bowl_is_0_339_in_words_too()
    {
        var theory = Bowl("nesterov");
        Assert.Equal("0.339", theory.StabilityLimit!.Value.ToString("G3", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("(2+2β)/((1+2β)λmax) = 0.339", TheoryWords.Explain(theory, 0.1), StringComparison.Ordinal);
        Assert.Contains(TheoryWords.Marks(theory), m => m.Label == "(2+2β)/((1+2β)λmax)" && Math.Abs(m.Lr - 0.3393) < 1e-4);
        Assert.DoesNotContain("0.95", TheoryWords.Explain(theory, 0.1), StringComparison.Ordinal);
    }

    [Fact]
    public void Dampening_divides_and_weight_decay_adds_to_every_curvature()
    {
        var damped = Bowl("momentum", new OptimizerOptions { Dampening = 0.5 });
        Assert.Equal(0.95 / 0.5, damped.StabilityLimit!.Value, 12);
        Assert.Equal("(2+2β)/((1−τ)λmax)", damped.LimitFormula);

        var decayed = Bowl("sgd", new OptimizerOptions { WeightDecay = 1 });
        Assert.Equal((3.0, 5.0), (decayed.LambdaMin, decayed.LambdaMax));
        Assert.Equal(0.4, decayed.StabilityLimit!.Value, 15);
    }

    [Theory]
    [InlineData("adam")]
    [InlineData("rmsprop")]
    [InlineData("adagrad")]
    public void Adaptive_optimizers_have_no_fixed_limit_and_say_so(string optimizer)
    {
        var theory = Bowl(optimizer);
        Assert.Equal(UpdateKind.Adaptive, theory.Kind);
        Assert.Null(theory.StabilityLimit);
        Assert.Null(theory.Contraction(0.1));
        Assert.Contains("no fixed stability limit", TheoryWords.Limit(theory), StringComparison.Ordinal);
    }

    [Fact]
    public void Contraction_and_steps_follow_one_minus_alpha_lambda()
    {
        var theory = Bowl("sgd");
        Assert.Equal(0.8, theory.Contraction(0.1)!.Value, 15); // max(|1 − 0.2|, |1 − 0.4|)
        Assert.Equal((int)Math.Ceiling(Math.Log(1e-3) / Math.Log(0.8)), theory.StepsToShrink(0.1));
        Assert.Equal(1.0 / 3, theory.Contraction(1.0 / 3)!.Value, 15);
        Assert.Null(theory.StepsToShrink(0.6));
        Assert.Equal(1.4, theory.Contraction(0.6)!.Value, 12);
    }

    [Fact]
    public void No_curvature_no_theory()
    {
        Assert.Null(RateTheory.For((Curvature?)null, new Sgd(new OptimizerOptions())));
        Assert.Null(RateTheory.GradientDescent(new Curvature([0.0], -1, 0)));
    }

    /// <summary>
    /// Random quadratics (eigenvalues, condition number up to 100, turned by any angle) and random SGD settings
    /// (momentum, Nesterov, dampening, weight decay): the simulator's divergence boundary, found by bisection over the
    /// rate, lies within 2 % of the predicted limit.
    /// </summary>
    [Fact]
    public void Predicted_limits_match_the_simulators_divergence_boundary_within_2_percent()
    {
        var kinds = Gen.OneOf(Gen.Const(UpdateKind.GradientDescent), Gen.Const(UpdateKind.HeavyBall), Gen.Const(UpdateKind.Nesterov));
        Gen.Select(Gen.Double[0.05, 20], Gen.Double[1, 100], Gen.Double[0, Math.PI], kinds, Gen.Double[0, 0.95], Gen.Double[0, 0.5], Gen.Double[0, 2])
            .Sample(
                (lambda, kappa, angle, kind, beta, dampening, decay) =>
                {
                    var surface = new RotatedQuadratic(lambda, lambda * kappa, angle);
                    var options = kind switch
                    {
                        UpdateKind.GradientDescent => new OptimizerOptions { WeightDecay = decay },
                        UpdateKind.HeavyBall => new OptimizerOptions { Momentum = beta, Dampening = dampening, WeightDecay = decay },
                        _ => new OptimizerOptions { Momentum = Math.Max(beta, 0.01), Nesterov = true, WeightDecay = decay },
                    };
                    var predicted = RateTheory.For(surface, new Sgd(options))!.StabilityLimit!.Value;
                    var measured = MeasuredBoundary(surface, options, predicted);
                    Assert.InRange(measured / predicted, 0.98, 1.02);
                },
                iter: 60);
    }

    /// <summary>The smallest rate (to 0.1 %) at which a 1500-step run diverges, searched between half and twice the guess.</summary>
    private static double MeasuredBoundary(Surface surface, OptimizerOptions options, double guess)
    {
        bool Diverges(double lr) => Simulator.Run(surface, new Sgd(options with { Lr = lr }), new SimulationOptions { Steps = 1500 }).Pattern is Pattern.Diverging or Pattern.Nan;
        double low = guess / 2, high = guess * 2;
        Assert.False(Diverges(low));
        Assert.True(Diverges(high));
        while (high / low > 1.001)
        {
            var mid = Math.Sqrt(low * high);
            (low, high) = Diverges(mid) ? (low, mid) : (mid, high);
        }

        return high;
    }
}
