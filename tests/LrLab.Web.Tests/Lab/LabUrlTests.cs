using LrLab.Web.Lab;

namespace LrLab.Web.Tests.Lab;

public sealed class LabUrlTests
{
    [Fact]
    public void Empty_query_gives_the_defaults_without_notices()
    {
        var (state, notices) = LabUrl.Parse("");
        Assert.Empty(notices);
        Assert.Equal(("bowl", "sgd", 0.05, 200), (state.Surface, state.Optimizer, state.Lr, state.Steps));
        Assert.Equal([0.05], state.Rates);
    }

    [Fact]
    public void Every_spec_parameter_is_read()
    {
        var query = "?surface=ravine&optimizer=momentum&lr=0.02&momentum=0.8&steps=300&start=-3,0.5"
            + "&schedule=StepLR(step_size%3D30,%20gamma%3D0.1)&compare=0.01,0.02&batch=8&seed=3";
        var (state, notices) = LabUrl.Parse(query);
        Assert.Empty(notices);
        Assert.Equal("ravine", state.Surface);
        Assert.Equal("momentum", state.Optimizer);
        Assert.Equal(0.02, state.Lr);
        Assert.Equal(0.8, state.Momentum);
        Assert.Equal(300, state.Steps);
        Assert.Equal([-3, 0.5], state.Start!);
        Assert.StartsWith("StepLR(", state.Schedule, StringComparison.Ordinal);
        Assert.Equal([0.01, 0.02], state.Compare);
        Assert.Equal((8, 3), (state.Batch, state.Seed));
    }

    [Theory]
    [InlineData("surface=x^^2", "surface")]
    [InlineData("surface=nonsense(x", "surface")]
    [InlineData("optimizer=adamax", "optimizer")]
    [InlineData("lr=abc", "lr")]
    [InlineData("lr=-1", "lr")]
    [InlineData("lr=1e9", "lr")]
    [InlineData("steps=0", "steps")]
    [InlineData("steps=1.5", "steps")]
    [InlineData("start=1", "start")]
    [InlineData("start=1,nan", "start")]
    [InlineData("momentum=1.5", "momentum")]
    [InlineData("schedule=StepLR(gamma%3D", "schedule")]
    [InlineData("compare=0.1,x", "compare")]
    [InlineData("batch=0", "batch")]
    [InlineData("seed=-2", "seed")]
    [InlineData("nesterov=maybe", "nesterov")]
    public void Bad_values_become_a_notice_naming_the_parameter_and_the_default(string query, string parameter)
    {
        var (state, notices) = LabUrl.Parse(query);
        var notice = Assert.Single(notices);
        Assert.StartsWith(parameter + ":", notice, StringComparison.Ordinal);
        var defaults = new LabState();
        Assert.Equal(defaults.Steps, state.Steps);
        Assert.Equal(defaults.Optimizer, state.Optimizer);
    }

    [Fact]
    public void A_bad_formula_notice_carries_the_column()
    {
        var (state, notices) = LabUrl.Parse("surface=" + Uri.EscapeDataString("x^2 + * y"));
        Assert.Equal("bowl", state.Surface);
        Assert.Contains("column", Assert.Single(notices), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x^2 + 10*y^2")]
    [InlineData("sin(x) + y^2")]
    [InlineData("(x-1)^2")]
    public void Formulas_round_trip_through_the_link(string formula)
    {
        var state = new LabState { Surface = formula, Lr = 0.01 };
        var (back, notices) = LabUrl.Parse(LabUrl.Serialize(state));
        Assert.Empty(notices);
        Assert.Equal(formula, back.Surface);
    }

    [Fact]
    public void Serialize_then_parse_is_the_identity()
    {
        var state = new LabState
        {
            Surface = "rosenbrock",
            Optimizer = "adam",
            Lr = 0.003,
            Steps = 500,
            Start = [-1.25, 1.5],
            Compare = [0.003, 0.03],
            Beta1 = 0.8,
            Eps = 1e-6,
            WeightDecay = 0.01,
            Batch = 4,
            Seed = 7,
            Schedule = "CosineAnnealingLR(T_max=100)",
        };
        var query = LabUrl.Serialize(state);
        var (back, notices) = LabUrl.Parse(query);
        Assert.Empty(notices);
        Assert.Equal(query, LabUrl.Serialize(back));
        Assert.Contains("compare=0.003,0.03", query, StringComparison.Ordinal);
    }

    [Fact]
    public void An_explicit_lr_missing_from_compare_joins_the_race_first()
    {
        var (state, _) = LabUrl.Parse("lr=0.2&compare=0.01,0.05");
        Assert.Equal([0.2, 0.01, 0.05], state.Compare);
        Assert.Equal(0.2, state.Lr);
    }

    [Fact]
    public void Without_lr_the_first_compared_rate_drives_the_slider()
    {
        var (state, _) = LabUrl.Parse("compare=0.001,0.05,0.3,0.6");
        Assert.Equal(4, state.Rates.Count);
        Assert.Equal(0.001, state.Lr);
    }

    [Fact]
    public void At_most_six_rates_race()
    {
        var (state, notices) = LabUrl.Parse("compare=1,2,3,4,5,6,7,8");
        Assert.Equal(LabState.MaxRuns, state.Compare.Count);
        Assert.Single(notices);
    }

    [Fact]
    public void A_schedule_that_ends_shortens_the_runs_with_a_notice_naming_steps()
    {
        var (state, notices) = LabUrl.Parse("schedule=OneCycleLR(max_lr%3D0.1%2C%20total_steps%3D10)&steps=100");

        Assert.Equal(10, state.Steps);
        Assert.StartsWith("steps: OneCycleLR cannot be stepped past step 10", Assert.Single(notices), StringComparison.Ordinal);
        Assert.Equal(10, new LabSession(state).Runs[0].Trajectory.Steps.Count - 1);
    }

    [Fact]
    public void Notices_quote_what_a_link_carried_on_one_line()
    {
        var (_, notices) = LabUrl.Parse("centered=C%0DHx%0AM");

        Assert.Equal("centered: 'C Hx M' is not true or false. Using false.", Assert.Single(notices));
    }
}
