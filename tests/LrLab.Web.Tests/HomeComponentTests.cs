using Bunit;
using LrLab.Core;
using LrLab.Web.Components;
using LrLab.Web.Interop;
using LrLab.Web.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace LrLab.Web.Tests;

public sealed class HomeComponentTests : BunitContext
{
    public HomeComponentTests()
    {
        Services.AddSingleton<ICanvasInterop>(new RecordingCanvas());
        Services.AddSingleton<IBrowserInterop>(new FakeBrowser());
    }

    [Fact]
    public void Home_page_races_the_four_bowl_rates_with_their_verdicts()
    {
        var home = Render<LrLab.Web.Pages.Home>();
        var race = home.Find("[data-testid=home-race]");
        var legend = race.QuerySelectorAll("[data-testid=legend-item]").Select(i => i.TextContent).ToArray();
        Assert.Equal(4, legend.Length);
        Assert.Contains("too small (crawling)", legend[0], StringComparison.Ordinal);
        Assert.Contains("just right (smooth)", legend[1], StringComparison.Ordinal);
        Assert.Contains("just right (oscillating)", legend[2], StringComparison.Ordinal);
        Assert.Contains("too large (diverging)", legend[3], StringComparison.Ordinal);
        Assert.Contains("surface=bowl", home.FindAll("a").Select(a => a.GetAttribute("href") ?? string.Empty).Single(h => h.Contains("compare=", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void Regime_table_shows_the_four_bowl_rates_with_their_verdicts()
    {
        var table = Render<RegimeTable>();
        var rows = table.FindAll("tbody tr");
        Assert.Equal(4, rows.Count);
        Assert.Equal(
            ["too small (crawling)", "just right (smooth)", "just right (oscillating)", "too large (diverging)"],
            table.FindAll(".badge").Select(b => b.TextContent));
    }

    [Fact]
    public void Each_regime_rate_opens_the_lab_at_that_rate()
    {
        var table = Render<RegimeTable>();
        Assert.Equal(
            ["lab?surface=bowl&optimizer=sgd&lr=0.001", "lab?surface=bowl&optimizer=sgd&lr=0.05", "lab?surface=bowl&optimizer=sgd&lr=0.3", "lab?surface=bowl&optimizer=sgd&lr=0.6"],
            table.FindAll("tbody a").Select(a => a.GetAttribute("href") ?? string.Empty));
    }

    [Fact]
    public void Home_page_points_to_every_part_of_the_lab()
    {
        var home = Render<LrLab.Web.Pages.Home>();
        var targets = home.FindAll("nav.start a").Select(a => (a.GetAttribute("href") ?? string.Empty).Split('?')[0]).ToArray();
        Assert.Equal(["learn", "lab", "finder", "diagnose", "schedules"], targets);
    }

    [Fact]
    public void Worked_example_steps_w_squared_from_4()
    {
        var example = Render<WorkedExample>();
        var cells = example.FindAll("table").Select(t => t.QuerySelectorAll("tbody tr td:nth-child(2)").Select(c => c.TextContent).ToArray()).ToArray();
        Assert.Equal(["4", "3.2", "2.56", "2.048"], cells[0]);
        Assert.Equal(["4", "-8", "16", "-32"], cells[1]);
    }

    [Theory]
    [InlineData(Verdict.TooSmall, Pattern.Crawling, "too small (crawling)", "too-small")]
    [InlineData(Verdict.JustRight, Pattern.Smooth, "just right (smooth)", "just-right")]
    [InlineData(Verdict.TooLarge, Pattern.Oscillating, "too large (oscillating)", "too-large")]
    [InlineData(Verdict.Inconclusive, Pattern.Plateau, "inconclusive (plateau)", "inconclusive")]
    public void Verdict_badge_says_the_verdict_in_words(Verdict verdict, Pattern pattern, string text, string css)
    {
        var badge = Render<VerdictBadge>(p => p.Add(b => b.Verdict, verdict).Add(b => b.Pattern, pattern));
        Assert.Equal(text, badge.Find("span").TextContent);
        Assert.Contains(css, badge.Find("span").ClassList);
    }
}
