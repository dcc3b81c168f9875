using Bunit;
using LrLab.Core;
using LrLab.Core.Optimizers;
using LrLab.Web.Components.LineSearch;
using LrLab.Web.Interop;
using LrLab.Web.Sweep;
using LrLab.Web.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace LrLab.Web.Tests.Sweep;

public sealed class LineSearchPanelTests : BunitContext
{
    public LineSearchPanelTests() => Services.AddSingleton<ICanvasInterop>(new RecordingCanvas());

    private static SweepSetup Ravine(double lr = 0.05) => new("ravine", "sgd", new OptimizerOptions(), 200, lr);

    [Fact]
    public void On_the_ravine_at_0_05_the_fixed_rate_diverges_and_the_line_search_converges()
    {
        var (comparison, error) = LineSearchComparison.For(Ravine());
        Assert.Null(error);
        Assert.Equal(Pattern.Diverging, comparison!.Fixed.Pattern);
        Assert.NotEqual(Verdict.TooLarge, comparison.Searched.Verdict);
        Assert.NotNull(comparison.Searched.StepsToConverge);
    }

    [Fact]
    public void Panel_draws_the_probes_of_the_chosen_update()
    {
        var panel = Render<LineSearchPanel>(p => p.Add(c => c.Setup, Ravine()));
        var rows = panel.FindAll("[data-testid=ls-probes] tbody tr");
        Assert.Equal(2, rows.Count); // 0.05 fails, 0.025 holds
        Assert.Contains("fails", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("holds", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("too large (diverging)", panel.Find("[data-testid=ls-outcome]").TextContent, StringComparison.Ordinal);

        panel.Find("[data-testid=ls-step]").Input("5");
        Assert.Equal("5", panel.Find("[data-testid=ls-step-value]").TextContent);
        var search = panel.Instance.Comparison!.Searched.LineSearch![4];
        Assert.Equal(search.Probes.Count, panel.FindAll("[data-testid=ls-probes] tbody tr").Count);
        Assert.NotNull(panel.Find("canvas[data-testid=line-search-chart]"));
    }

    [Fact]
    public void A_bad_surface_is_reported_not_thrown()
    {
        var panel = Render<LineSearchPanel>(p => p.Add(c => c.Setup, Ravine() with { Surface = "x^" }));
        Assert.Contains("column", panel.Find(".error").TextContent, StringComparison.Ordinal);
    }
}
