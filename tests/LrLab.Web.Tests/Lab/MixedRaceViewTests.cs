using Bunit;
using LrLab.Web.Components.Lab;
using LrLab.Web.Lab;

namespace LrLab.Web.Tests.Lab;

public sealed class MixedRaceViewTests : LabTestContext
{
    private IRenderedComponent<LabView> Lab(string query, bool sync = false) => RenderLab(query, sync);

    private IRenderedComponent<LabView> Preset() => Lab(LabUrl.Serialize(LabPresets.Find("ravine-optimizers")!.State));

    private static string Name(AngleSharp.Dom.IElement item) => item.QuerySelector(".rate-name")!.TextContent;

    [Fact]
    public void A_mixed_race_names_each_runs_optimizer_in_the_legend()
    {
        var items = Preset().FindAll("[data-testid=legend-item]");
        Assert.Equal(["sgd · α = 0.03", "momentum · α = 0.01", "adam · α = 0.1", "line search · α₀ = 0.05"], items.Select(Name));
        Assert.All(items, i => Assert.Contains("converged in", i.TextContent, StringComparison.Ordinal));
        Assert.Contains("oscillating", items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("oscillating", items[2].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_race_of_one_optimizer_shows_just_the_rates()
    {
        var lab = Lab("surface=ravine&optimizer=adam&compare=0.01,0.1");
        Assert.Equal(["α = 0.01", "α = 0.1"], lab.FindAll("[data-testid=legend-item]").Select(Name));
        Assert.Empty(lab.FindAll("[data-testid=race-defaults]"));
    }

    [Fact]
    public void Selecting_a_run_switches_the_verdict_step_panel_and_marks()
    {
        var lab = Preset();
        Assert.Contains("sgd at α = 0.03", lab.Find("[data-testid=verdict]").TextContent, StringComparison.Ordinal);
        Assert.Contains("1/λmax", lab.Find(".tick-help").TextContent, StringComparison.Ordinal);

        lab.FindAll("[data-testid=legend-item] .rate-name")[2].Click();
        var verdict = lab.Find("[data-testid=verdict]").TextContent;
        Assert.Contains("adam at α = 0.1", verdict, StringComparison.Ordinal);
        Assert.Contains("just right (oscillating)", verdict, StringComparison.Ordinal);
        Assert.Contains("adam's actual change", lab.Find("[data-testid=this-step]").TextContent, StringComparison.Ordinal);
        Assert.Equal("0.1", lab.Find("[data-testid=lr-value]").TextContent);

        lab.FindAll("[data-testid=legend-item] .rate-name")[3].Click();
        Assert.Contains("line search from α₀ = 0.05", lab.Find("[data-testid=verdict]").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(lab.FindAll("[data-testid=step-trial]"));
        Assert.NotNull(lab.Find("[data-testid=probe-legend]"));
        Assert.DoesNotContain("1/λmax", lab.Find(".tick-help").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_optimizer_races_the_chosen_one_and_the_link_carries_the_race()
    {
        var lab = Lab("surface=ravine&lr=0.03", sync: true);
        Assert.Empty(lab.FindAll("[data-testid=race-defaults]"));

        lab.Find("[data-testid=add-optimizer-select]").Change("linesearch");
        lab.Find("[data-testid=add-optimizer-rate]").Change("current");
        lab.Find("[data-testid=add-optimizer]").Click();
        lab.Find("[data-testid=add-optimizer-select]").Change("adam");
        lab.Find("[data-testid=add-optimizer-rate]").Change("default");
        lab.Find("[data-testid=add-optimizer]").Click();

        // The address bar's flush loop takes the renderer now and then, so an event can land just after Click() returns.
        lab.WaitForAssertion(() => Assert.Equal(["sgd · α = 0.03", "line search · α₀ = 0.03", "adam · α = 0.001"], lab.FindAll("[data-testid=legend-item]").Select(Name)), TimeSpan.FromSeconds(10));
        Assert.Contains("adam at α = 0.001", lab.Find("[data-testid=verdict]").TextContent, StringComparison.Ordinal);
        Assert.Contains("PyTorch's defaults", lab.Find("[data-testid=race-defaults]").TextContent, StringComparison.Ordinal);

        // The same one again is refused with a note, not a second legend item.
        lab.Find("[data-testid=add-optimizer]").Click();
        Assert.Equal(3, lab.FindAll("[data-testid=legend-item]").Count);
        Assert.Contains("already races", lab.Find("[data-testid=race-note]").TextContent, StringComparison.Ordinal);

        // The address bar follows at most five times a second: an earlier race may be written first on a slow machine.
        const string expected = "/lab?surface=ravine&optimizer=sgd&lr=0.001&race=sgd:0.03,linesearch:0.03,adam:0.001";
        for (var i = 0; i < 100 && !Browser.Urls[^1].EndsWith(expected, StringComparison.Ordinal); i++)
        {
            await Task.Delay(50);
        }

        Assert.EndsWith(expected, Browser.Urls[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Removing_runs_until_one_optimizer_is_left_goes_back_to_rates()
    {
        var lab = Preset();
        for (var i = 0; i < 3; i++)
        {
            lab.FindAll("[data-testid=legend-item] .remove")[^1].Click();
        }

        Assert.Equal(["α = 0.03"], lab.FindAll("[data-testid=legend-item]").Select(Name));
        Assert.Equal("?surface=ravine&optimizer=sgd&lr=0.03", LabUrl.Serialize(lab.Instance.Session.State));
    }

    [Fact]
    public void A_bad_race_entry_shows_the_notice_and_the_rest_still_races()
    {
        var lab = Lab("surface=ravine&race=sgd:0.03,warp:9,adam:0.1");
        Assert.Contains("race: 'warp:9'", lab.Find("[data-testid=url-notice]").TextContent, StringComparison.Ordinal);
        Assert.Equal(2, lab.FindAll("[data-testid=legend-item]").Count);
    }
}
