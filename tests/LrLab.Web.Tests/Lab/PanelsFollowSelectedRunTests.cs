using Bunit;
using LrLab.Web.Components.Batch;
using LrLab.Web.Components.LineSearch;
using LrLab.Web.Components.Sweep;
using LrLab.Web.Interop;
using LrLab.Web.Tests.Fakes;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LrLab.Web.Tests.Lab;

// The sweep, line-search and batch panels under /lab describe the selected run of a race, not the form's optimizer.
public sealed class PanelsFollowSelectedRunTests : BunitContext
{
    public PanelsFollowSelectedRunTests()
    {
        Services.AddSingleton<ICanvasInterop>(new RecordingCanvas());
        Services.AddSingleton<IBrowserInterop>(new FakeBrowser());
        Services.AddSingleton<IChartExport>(new FakeChartExport());
        Services.AddSingleton<IClipboard>(new FakeClipboard());
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private IRenderedComponent<Pages.Lab> Open(string query)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("lab?" + query);
        return Render<Pages.Lab>();
    }

    // The sweep below the lab computes in background slices that hold the renderer for a moment, so a click can be
    // dispatched after Click() returns: wait until the lab has taken the selection.
    private static void Select(IRenderedComponent<Pages.Lab> page, string name)
    {
        var index = page.FindAll("[data-testid=legend-item] .rate-name").ToList().FindIndex(b => b.TextContent.StartsWith(name, StringComparison.Ordinal));
        Assert.True(index >= 0);
        page.FindAll("[data-testid=legend-item] .rate-name")[index].Click();
        page.WaitForAssertion(() => Assert.Equal(index, page.FindComponent<LrLab.Web.Components.Lab.LabView>().Instance.Session.Selected), TimeSpan.FromSeconds(10));
    }

    private static (string Optimizer, double Lr) Sweep(IRenderedComponent<Pages.Lab> page)
    {
        var setup = page.FindComponent<SweepPanel>().Instance.Setup;
        return (setup.Optimizer, setup.CurrentLr);
    }

    [Fact]
    public void Selecting_another_run_in_a_mixed_race_moves_the_panels_to_its_optimizer_and_rate()
    {
        // The form's optimizer is sgd (its run at 0.03 is selected first).
        var page = Open("surface=ravine&optimizer=sgd&lr=0.03&race=sgd:0.03,adam:0.1,linesearch:0.05");
        Assert.Equal(("sgd", 0.03), Sweep(page));
        Assert.Contains("sgd at α = 0.03, the selected run", page.Find("[data-testid=panels-run]").TextContent, StringComparison.Ordinal);

        Select(page, "adam");
        Assert.Equal(("adam", 0.1), Sweep(page));
        Assert.Equal(0.1, page.FindComponent<LineSearchPanel>().Instance.Setup.CurrentLr);
        Assert.Contains("adam at α = 0.1, the selected run", page.Find("[data-testid=panels-run]").TextContent, StringComparison.Ordinal);

        Select(page, "line search");
        Assert.Equal(("linesearch", 0.05), Sweep(page));
        Assert.Contains("line search at α₀ = 0.05, the selected run", page.Find("[data-testid=panels-run]").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.FindAll("[data-testid=sweep-note]"));
    }

    [Fact]
    public void A_run_of_another_optimizer_is_swept_with_pytorchs_defaults_not_the_forms_hyperparameters()
    {
        var page = Open("surface=ravine&optimizer=momentum&momentum=0.5&lr=0.01&race=momentum:0.01,adam:0.1");
        Assert.Equal(0.5, page.FindComponent<SweepPanel>().Instance.Setup.Options.Momentum);

        Select(page, "adam");
        var setup = page.FindComponent<SweepPanel>().Instance.Setup;
        Assert.Equal("adam", setup.Optimizer);
        Assert.Null(setup.Options.Momentum);
    }

    [Fact]
    public void A_link_that_selects_a_run_of_another_optimizer_opens_with_the_panels_on_it()
    {
        var page = Open("surface=ravine&optimizer=sgd&lr=0.1&race=sgd:0.03,adam:0.1");
        Assert.Equal(("adam", 0.1), Sweep(page));
    }

    [Fact]
    public void The_batch_panel_follows_the_selected_run_on_the_noisy_bowl()
    {
        var page = Open("surface=noisy-bowl&optimizer=sgd&lr=0.05&race=sgd:0.05,adam:0.01");
        var batch = page.FindComponent<BatchPanel>().Instance;
        Assert.Equal(("sgd", 0.05), (batch.Optimizer, batch.Lr));

        Select(page, "adam");
        batch = page.FindComponent<BatchPanel>().Instance;
        Assert.Equal(("adam", 0.01), (batch.Optimizer, batch.Lr));
    }

    [Fact]
    public void Without_a_race_there_is_no_caption_and_the_panels_use_the_form()
    {
        var page = Open("surface=ravine&optimizer=momentum&lr=0.02");
        Assert.Empty(page.FindAll("[data-testid=panels-run]"));
        Assert.Equal(("momentum", 0.02), Sweep(page));
    }

    [Fact]
    public void Two_runs_at_the_same_rate_are_told_apart_by_their_optimizer()
    {
        var page = Open("surface=ravine&optimizer=sgd&lr=0.1&race=sgd:0.1,adam:0.1");
        Assert.Equal(("sgd", 0.1), Sweep(page));
        Select(page, "adam");
        Assert.Equal(("adam", 0.1), Sweep(page));
        Select(page, "sgd");
        Assert.Equal(("sgd", 0.1), Sweep(page));
    }
}
