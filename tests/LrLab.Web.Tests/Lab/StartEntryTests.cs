using Bunit;
using LrLab.Web.Components.Lab;
using LrLab.Web.Lab;

namespace LrLab.Web.Tests.Lab;

public sealed class StartEntryTests : LabTestContext
{
    private IRenderedComponent<LabView> Lab(string query, bool sync = false)
    {
        var lab = RenderLab(query, sync);
        lab.Find("[data-testid=start-toggle]").Click();
        return lab;
    }

    private static string Value(IRenderedComponent<LabView> lab, string testId) => lab.Find($"[data-testid={testId}]").GetAttribute("value")!;

    [Fact]
    public void Fields_show_the_current_start_and_only_x_on_a_1d_surface()
    {
        var ravine = Lab("surface=ravine");
        Assert.Equal("-4", Value(ravine, "start-x"));
        Assert.Equal("1", Value(ravine, "start-y"));

        var parabola = Lab("surface=parabola");
        Assert.Equal("4", Value(parabola, "start-x"));
        Assert.Empty(parabola.FindAll("[data-testid=start-y]"));
    }

    [Theory]
    [InlineData("start-x", "2.5", new[] { 2.5, 1.0 }, "(2.5, 1)")]
    [InlineData("start-y", "-0.5", new[] { -4.0, -0.5 }, "(-4, -0.5)")]
    [InlineData("start-x", "1e-3", new[] { 0.001, 1.0 }, "(0.001, 1)")]
    public void A_typed_coordinate_sets_the_start_and_restarts_the_runs(string field, string text, double[] start, string caption)
    {
        var lab = Lab("surface=ravine&lr=0.03");
        lab.Find("[data-testid=step]").Click();
        lab.Find($"[data-testid={field}]").Change(text);

        Assert.Equal(start, lab.Instance.Session.Setup.Start);
        Assert.Equal(start, lab.Instance.Session.Current.Trajectory.Steps[0].Params);
        Assert.Equal(0, lab.Instance.Session.Shown);
        Assert.Equal(caption, lab.Find("[data-testid=start-value]").TextContent);
        Assert.Empty(lab.FindAll("[data-testid=start-error]"));
    }

    [Fact]
    public async Task A_typed_start_reaches_the_url_and_reads_back_the_same()
    {
        var lab = Lab("surface=ravine&lr=0.03", sync: true);
        lab.Find("[data-testid=start-x]").Change("-3");
        lab.Find("[data-testid=start-y]").Change("0.75");

        // The address bar follows on a 200 ms timer.
        for (var i = 0; i < 100 && !Browser.Urls[^1].Contains("start=-3,0.75", StringComparison.Ordinal); i++)
        {
            await Task.Delay(50);
        }

        Assert.Contains("start=-3,0.75", Browser.Urls[^1], StringComparison.Ordinal);

        var (state, notices) = LabUrl.Parse(Browser.Urls[^1][Browser.Urls[^1].IndexOf('?', StringComparison.Ordinal)..]);
        Assert.Empty(notices);
        Assert.Equal([-3, 0.75], state.Start);
    }

    [Theory]
    [InlineData("start-x", "abc", "Start x: 'abc' is not a number")]
    [InlineData("start-y", "", "Start y: '' is not a number")]
    [InlineData("start-x", "1,5", "Start x: '1,5' is not a number")]
    [InlineData("start-y", "NaN", "Start y: 'NaN' is not a number")]
    [InlineData("start-x", "1e9", "Start x: '1e9' is not a number")]
    public void A_bad_coordinate_names_its_field_and_keeps_the_start(string field, string text, string message)
    {
        var lab = Lab("surface=ravine");
        lab.Find($"[data-testid={field}]").Change(text);

        Assert.StartsWith(message, lab.Find("[data-testid=start-error]").TextContent, StringComparison.Ordinal);
        Assert.Equal("true", lab.Find($"[data-testid={field}]").GetAttribute("aria-invalid"));
        Assert.Equal([-4.0, 1.0], lab.Instance.Session.Setup.Start);

        // A good value afterwards clears the message.
        lab.Find($"[data-testid={field}]").Change("0.5");
        Assert.Empty(lab.FindAll("[data-testid=start-error]"));
    }

    [Fact]
    public void Default_start_goes_back_to_the_surfaces_own()
    {
        var lab = Lab("surface=ravine&start=2,2");
        Assert.Equal([2.0, 2.0], lab.Instance.Session.Setup.Start);
        lab.Find("[data-testid=start-reset]").Click();

        Assert.Equal([-4.0, 1.0], lab.Instance.Session.Setup.Start);
        Assert.Null(lab.Instance.Session.State.Start);
        Assert.DoesNotContain("start=", LabUrl.Serialize(lab.Instance.Session.State), StringComparison.Ordinal);
        Assert.True(lab.Find("[data-testid=start-reset]").HasAttribute("disabled"));
    }

    [Fact]
    public void A_typed_start_keeps_every_raced_run_and_the_selection()
    {
        var lab = Lab("surface=ravine&race=sgd:0.03,adam:0.1&lr=0.1");
        Assert.Equal("adam", lab.Instance.Session.Current.Optimizer);
        lab.Find("[data-testid=start-y]").Change("-1");

        Assert.Equal(["sgd", "adam"], lab.Instance.Session.Runs.Select(r => r.Optimizer));
        Assert.All(lab.Instance.Session.Runs, r => Assert.Equal([-4.0, -1.0], r.Trajectory.Steps[0].Params));
        Assert.Equal("adam", lab.Instance.Session.Current.Optimizer);
    }

    [Theory]
    [InlineData("Enter", true)]
    [InlineData("ArrowRight", false)]
    [InlineData(" ", false)]
    public void Enter_on_the_canvas_opens_the_fields_and_other_keys_do_not(string key, bool opens)
    {
        var (state, _) = LabUrl.Parse("surface=ravine");
        var lab = Render<LabView>(p => p.Add(l => l.State, state));
        lab.Find("[data-testid=surface-canvas]").KeyDown(key);
        Assert.Equal(opens, lab.FindAll("[data-testid=start-x]").Count == 1);
    }

    [Fact]
    public void The_toggle_says_whether_the_fields_are_open()
    {
        var (state, _) = LabUrl.Parse("surface=ravine");
        var lab = Render<LabView>(p => p.Add(l => l.State, state));
        var toggle = lab.Find("[data-testid=start-toggle]");
        Assert.Equal("false", toggle.GetAttribute("aria-expanded"));
        Assert.Empty(lab.FindAll("[data-testid=start-x]"));

        toggle.Click();
        Assert.Equal("true", lab.Find("[data-testid=start-toggle]").GetAttribute("aria-expanded"));
        Assert.Equal(lab.Find("[data-testid=start-toggle]").GetAttribute("aria-controls"), lab.Find(".start-entry").Id);
    }
}
