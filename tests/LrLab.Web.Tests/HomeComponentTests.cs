using Bunit;
using LrLab.Core.Simulation;
using LrLab.Web.Components;

namespace LrLab.Web.Tests;

public sealed class HomeComponentTests : BunitContext
{
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
