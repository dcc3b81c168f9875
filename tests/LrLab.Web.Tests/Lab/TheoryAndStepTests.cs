using LrLab.Core.Surfaces;
using LrLab.Web.Lab;

namespace LrLab.Web.Tests.Lab;

public sealed class TheoryAndStepTests
{
    [Theory]
    [InlineData("bowl", "sgd", new[] { 0.25, 1 / 3.0, 0.5 })]
    [InlineData("ravine", "sgd", new[] { 0.02, 2 / 51.0, 0.04 })]
    [InlineData("parabola", "sgd", new[] { 0.5, 1.0 })]
    [InlineData("bowl", "momentum", new[] { 0.25, 1 / 3.0, 0.5, 0.95 })]
    public void Theory_ticks_follow_the_curvature(string surface, string optimizer, double[] rates)
    {
        var ticks = TheoryTicks.For(LabSetup.From(new LabState { Surface = surface, Optimizer = optimizer }));
        Assert.Equal(rates.Length, ticks.Count);
        for (var i = 0; i < rates.Length; i++)
        {
            Assert.Equal(rates[i], ticks[i].Lr, 1e-12);
        }
    }

    [Fact]
    public void Nesterov_on_the_bowl_states_pytorchs_limit_0_339_not_heavy_balls_0_95()
    {
        var (state, notices) = LabUrl.Parse("?surface=bowl&optimizer=nesterov&momentum=0.9");
        Assert.Empty(notices);
        var setup = LabSetup.From(state);
        var text = RateExplainer.Theory(setup, state.Lr);
        Assert.Contains("(2+2β)/((1+2β)λmax) = 0.339", text, StringComparison.Ordinal);
        Assert.DoesNotContain("0.95", text, StringComparison.Ordinal);
        var limit = Assert.Single(TheoryTicks.For(setup), t => t.Label == "(2+2β)/((1+2β)λmax)");
        Assert.Equal(3.8 / 2.8 / 4, limit.Lr, 12);
    }

    [Theory]
    [InlineData(0.05, -1.30103)]
    [InlineData(1e-7, -5)]
    [InlineData(100, 1)]
    public void Slider_position_is_log10_of_the_rate_clamped(double lr, double position)
        => Assert.Equal(position, LogSlider.ToPosition(lr), 1e-5);

    [Theory]
    [InlineData(-1.30103, 0.05)]
    [InlineData(-0.522879, 0.3)]
    [InlineData(-3, 0.001)]
    [InlineData(1, 10)]
    public void Slider_rates_are_rounded_to_three_digits(double position, double lr)
        => Assert.Equal(lr, LogSlider.FromPosition(position));

    [Fact]
    public void Arrow_keys_nudge_by_a_twentieth_of_a_decade()
    {
        Assert.Equal(0.0561, LogSlider.Nudge(0.05, 0.05));
        Assert.Equal(0.0446, LogSlider.Nudge(0.05, -0.05));
    }

    [Fact]
    public void Step_panel_reproduces_the_worked_example()
    {
        // L = w², w = 4, α = 1.5: ∇L = 8, α·∇L = 12, w → −8, then 16.
        var session = new LabSession(new LabState { Surface = "parabola", Lr = 1.5, Steps = 5 });
        var first = StepBreakdown.Of(session.Current, session.Setup.Surface, 0)!;
        Assert.True(first.Upcoming);
        Assert.Equal([4.0], first.Theta);
        Assert.Equal([8.0], first.Gradient);
        Assert.Equal([12.0], first.ScaledGradient);
        Assert.Equal([-8.0], first.NewTheta);
        Assert.Equal((16.0, 64.0), (first.Loss, first.NewLoss));

        session.Advance(2);
        var second = StepBreakdown.Of(session.Current, session.Setup.Surface, session.Shown)!;
        Assert.Equal([-8.0], second.Theta);
        Assert.Equal([16.0], second.NewTheta);
        Assert.Equal(256.0, second.NewLoss);
    }

    [Theory]
    [InlineData(0.001, "0.2 % of its distance to the minimum a step")]
    [InlineData(0.3, "1 − 0.3·4 = -0.2: the sign flips")]
    [InlineData(0.5, "bounces between the walls forever")]
    [InlineData(0.6, "grows 40 % a step")]
    public void Theory_sentence_uses_this_runs_numbers(double lr, string expected)
    {
        var text = RateExplainer.Theory(LabSetup.From(new LabState { Lr = lr }), lr);
        Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Overflow_sentence_names_the_step_and_the_factor()
    {
        var session = new LabSession(new LabState { Lr = 0.6, Steps = 5000 });
        var run = session.Current.Trajectory;
        var text = RateExplainer.Overflow(session.Setup, run);
        Assert.Contains($"at step {run.BlowUpStep}", text, StringComparison.Ordinal);
        Assert.Contains("|1 − αλmax| = 1.4 > 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Heat_map_is_lightest_at_the_minimum()
    {
        var bowl = SurfaceCatalog.Find("bowl")!;
        var rgba = new byte[41 * 41 * 4];
        HeatMap.Render(bowl, new ViewBox(-5, 5, -5, 5), 41, 41, rgba);
        int Brightness(int col, int row) => rgba[((row * 41) + col) * 4] + rgba[(((row * 41) + col) * 4) + 1];
        Assert.True(Brightness(20, 20) > Brightness(0, 0));
        Assert.True(Brightness(20, 20) > Brightness(20, 0));
        Assert.All(Enumerable.Range(0, 41 * 41), i => Assert.Equal(255, rgba[(i * 4) + 3]));
    }
}

public sealed class NumbersTests
{
    [Theory]
    [InlineData(34, "34")]
    [InlineData(0.005329, "0.005329")]
    [InlineData(5.0912e59, "5.091e59")]
    [InlineData(9.99999e6, "1e7")]
    [InlineData(-2.5e-7, "-2.5e-7")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NaN, "NaN")]
    public void Short_prints_extremes_compactly(double value, string text) => Assert.Equal(text, Numbers.Short(value));
}

public sealed class NumbersRoundingTests
{
    [Theory]
    [InlineData(6912.4, 2, "6900")]
    [InlineData(0.123456, 3, "0.123")]
    [InlineData(-1.25, 4, "-1.25")]
    public void Ordinary_magnitudes_are_rounded_to_significant_digits(double value, int digits, string text)
        => Assert.Equal(text, Numbers.Short(value, digits));
}
