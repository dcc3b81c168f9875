using Bunit;
using LrLab.Core.Optimizers;
using LrLab.Web.Components.Lab;
using LrLab.Web.Components.Sweep;
using LrLab.Web.Interop;
using LrLab.Web.Lab;
using LrLab.Web.Sweep;
using LrLab.Web.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace LrLab.Web.Tests.Lab;

/// <summary>The lab's components with line search selected.</summary>
public sealed class LineSearchLabViewTests : BunitContext
{
    private readonly RecordingCanvas _canvas = new();

    public LineSearchLabViewTests()
    {
        Services.AddSingleton<ICanvasInterop>(_canvas);
        Services.AddSingleton<IBrowserInterop>(new FakeBrowser());
        Services.AddSingleton<IChartExport>(new FakeChartExport());
    }

    private IRenderedComponent<LabView> Lab(string query)
    {
        var (state, notices) = LabUrl.Parse(query);
        return Render<LabView>(p => p.Add(l => l.State, state).Add(l => l.Notices, notices));
    }

    [Fact]
    public void Optimizer_menu_offers_line_search_and_shows_its_two_knobs()
    {
        var lab = Lab("surface=ravine");
        var option = lab.Find("[data-testid=optimizer-select] option[value=linesearch]");
        Assert.Equal("line search (Armijo backtracking)", option.TextContent);
        lab.Find("[data-testid=optimizer-select]").Change("linesearch");
        Assert.True(lab.Instance.Session.Setup.IsLineSearch);
        Assert.Equal(["hp-shrink", "hp-c"], lab.FindAll(".hyper input[type=number]").Select(i => i.GetAttribute("data-testid")));
        Assert.Contains("ρα₀", lab.Find(".hyper legend").TextContent, StringComparison.Ordinal);

        lab.Find("[data-testid=hp-shrink]").Change("0.3");
        Assert.Equal(0.3, lab.Instance.Session.Setup.Armijo.Shrink);
        Assert.Equal([0.05, 0.015], lab.Instance.Session.Current.SearchOf(1)!.Probes.Select(p => Math.Round(p.Alpha, 12)));
        lab.Find("[data-testid=hp-c]").Change("1");
        Assert.Contains("between 0 and 1", lab.Find(".hyper .error").TextContent, StringComparison.Ordinal);
        Assert.Equal(1e-4, lab.Instance.Session.Setup.Armijo.C);
    }

    [Fact]
    public void Step_panel_lists_the_trials_and_the_verdict_explains_the_search()
    {
        var lab = Lab("surface=ravine&optimizer=linesearch&lr=0.05");
        Assert.Contains("just right", lab.Find("[data-testid=verdict]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Trials of the next update (0 → 1)", lab.Find("[data-testid=probe-legend]").TextContent, StringComparison.Ordinal);

        lab.Find("[data-testid=step]").Click();
        var trials = lab.FindAll("[data-testid=step-trial]");
        Assert.Equal(2, trials.Count);
        Assert.Contains("0.05", trials[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("fails", trials[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("0.025", trials[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("holds", trials[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("cut 1× before the test held", lab.Find("[data-testid=this-step]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Trials of the next update (1 → 2)", lab.Find("[data-testid=probe-legend]").TextContent, StringComparison.Ordinal);

        var verdict = lab.Find("[data-testid=verdict]").TextContent;
        Assert.Contains("The search cut the first step 0.05 → 0.025", verdict, StringComparison.Ordinal);
        Assert.DoesNotContain("1 − αλ", verdict, StringComparison.Ordinal);
        Assert.Equal(["2/λmax"], lab.FindAll(".ticks .tick").Select(t => t.TextContent));
    }

    [Fact]
    public void A_race_of_first_steps_shows_a_legend_item_with_a_verdict_each()
    {
        var lab = Lab("surface=ravine&optimizer=linesearch&compare=0.01,0.05,0.5&lr=0.05");
        var items = lab.FindAll("[data-testid=legend-item]");
        Assert.Equal(3, items.Count);
        Assert.Contains("too small", items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("just right", items[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("just right", items[2].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Plateau_schedule_with_line_search_shows_an_error_instead_of_crashing()
    {
        var lab = Lab("surface=ravine&schedule=ReduceLROnPlateau(patience=3)");
        lab.Find("[data-testid=optimizer-select]").Change("linesearch");
        Assert.Contains("ReduceLROnPlateau cannot drive a line search", lab.Find(".setup ~ .error, p.error").TextContent, StringComparison.Ordinal);
        Assert.Equal("sgd", lab.Instance.Session.Setup.Optimizer);

        var fromLink = Lab("surface=ravine&optimizer=linesearch&schedule=ReduceLROnPlateau(patience=3)");
        Assert.Contains("ReduceLROnPlateau cannot drive a line search", fromLink.Find("[data-testid=url-notice]").TextContent, StringComparison.Ordinal);
        Assert.True(fromLink.Instance.Session.Setup.IsLineSearch);
    }

    [Fact]
    public void Compact_lab_in_a_lesson_runs_line_search()
    {
        var lab = Render<LabView>(p => p.Add(l => l.State, LabPresets.Find("ravine-linesearch")!.State).Add(l => l.Compact, true).Add(l => l.Keyboard, false));
        Assert.Contains("just right", lab.Find("[data-testid=verdict]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(lab.Find("[data-testid=probe-legend]"));
    }

    [Fact]
    public void Sweep_panel_sweeps_the_first_trial_step_and_explains_the_theory_lines()
    {
        var setup = new SweepSetup("ravine", "linesearch", new OptimizerOptions(), 100, 0.05);
        var panel = Render<SweepPanel>(p => p.Add(c => c.Setup, setup));
        panel.Find("[data-testid=sweep-count]").Change("20");
        panel.WaitForState(() => panel.Instance.Model.IsComplete, TimeSpan.FromSeconds(30));
        Assert.Contains("started from α₀", panel.Find("[data-testid=sweep-note]").TextContent, StringComparison.Ordinal);
        Assert.Empty(panel.FindAll("[data-testid=sweep-error]"));
        Assert.Contains("linesearch: never diverges", panel.Find("[data-testid=sweep-findings]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_panel_runs_line_search_and_says_what_its_rate_means()
    {
        var panel = Render<LrLab.Web.Components.Batch.BatchPanel>(p => p.Add(c => c.Batch, 2).Add(c => c.Steps, 100).Add(c => c.Optimizer, "linesearch"));
        Assert.Contains("first trial step α₀", panel.Find("[data-testid=batch-linesearch-note]").TextContent, StringComparison.Ordinal);
        Assert.Equal(4, panel.FindAll("[data-testid=batch-table] tbody tr").Count);

        var fixedRate = Render<LrLab.Web.Components.Batch.BatchPanel>(p => p.Add(c => c.Batch, 2).Add(c => c.Steps, 100));
        Assert.Empty(fixedRate.FindAll("[data-testid=batch-linesearch-note]"));
    }
}
