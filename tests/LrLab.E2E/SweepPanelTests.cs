using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LrLab.E2E;

[Collection("browser")]
public sealed class SweepPanelTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static async Task<IPage> Swept(BrowserFixture browser, string path, int width = 1280, int height = 900)
    {
        var (page, _) = await browser.OpenAsync(path, width, height);
        await Assertions.Expect(page.Locator("[data-testid=sweep-time]")).ToContainTextAsync("all computed", new LocatorAssertionsToContainTextOptions { Timeout = 60_000 });
        return page;
    }

    private static double Limit(string findings)
    {
        var match = Regex.Match(findings, @"diverges from ([0-9.eE+-]+)");
        Assert.True(match.Success, findings);
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [Theory]
    [InlineData("/lab", 0.5, 0.53)]
    [InlineData("/lab?optimizer=momentum&momentum=0.9", 0.95, 1.0)]
    [InlineData("/lab?surface=ravine", 0.03, 0.05)]
    public async Task The_sweep_panel_reproduces_the_theory_limits(string path, double low, double high)
    {
        var page = await Swept(browser, path);
        var findings = await page.Locator("[data-testid=sweep-findings]").InnerTextAsync();
        Assert.InRange(Limit(findings), low, high);
    }

    [Fact]
    public async Task Clicking_the_sweep_chart_loads_that_rate_into_the_lab()
    {
        var page = await Swept(browser, "/lab");
        var chart = page.Locator("canvas[data-testid=sweep-chart]");
        var box = (await chart.BoundingBoxAsync())!;
        await chart.HoverAsync(new LocatorHoverOptions { Position = new Position { X = box.Width * 0.45f, Y = box.Height * 0.5f } });
        await chart.ClickAsync(new LocatorClickOptions { Position = new Position { X = box.Width * 0.45f, Y = box.Height * 0.5f } });
        await Assertions.Expect(page.Locator("[data-testid=lr-value]")).Not.ToHaveTextAsync("0.05");

        // The table's rows are built when it is opened (not after every sweep), one per rate.
        var panel = page.Locator("[data-testid=sweep-panel]");
        Assert.Equal(0, await panel.Locator("table.rows").CountAsync());
        await panel.Locator("details > summary").ClickAsync();
        await Assertions.Expect(panel.Locator("table.rows tbody tr")).ToHaveCountAsync(200);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("lab-sweep"), FullPage = true });
    }

    [Fact]
    public async Task Comparison_mode_shows_five_optimizers()
    {
        var page = await Swept(browser, "/lab");
        await page.Locator("[data-testid=sweep-compare]").CheckAsync();
        await Assertions.Expect(page.Locator("[data-testid=sweep-time]")).ToContainTextAsync("1000 runs", new LocatorAssertionsToContainTextOptions { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[data-testid=sweep-time]")).ToContainTextAsync("all computed", new LocatorAssertionsToContainTextOptions { Timeout = 120_000 });
        Assert.Equal(5, await page.Locator("[data-testid=sweep-findings] li").CountAsync());
        Assert.Contains("adam: never diverges", await page.Locator("[data-testid=sweep-findings]").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("lab-sweep-compare"), FullPage = true });
    }

    [Fact]
    public async Task Noisy_bowl_shows_the_batch_panel_and_the_page_fits_a_phone()
    {
        var page = await Swept(browser, "/lab?surface=noisy-bowl&batch=4", 390, 800);
        Assert.Equal(4, await page.Locator("[data-testid=batch-table] tbody tr").CountAsync());
        await page.Locator("[data-testid=batch-double]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=batch-size]")).ToHaveValueAsync("8");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("lab-sweep-phone"), FullPage = true });
        await page.Locator("[data-testid=sweep-panel]").ScreenshotAsync(new LocatorScreenshotOptions { Path = BrowserFixture.ScreenshotPath("lab-sweep-panel-phone") });
        await page.Locator("[data-testid=batch-panel]").ScreenshotAsync(new LocatorScreenshotOptions { Path = BrowserFixture.ScreenshotPath("lab-batch-panel-phone") });
        Assert.True(overflow <= 0, $"page is {overflow}px wider than a 390px screen");
    }

    [Fact]
    public async Task Line_search_panel_draws_probes_and_beats_the_fixed_rate_on_the_ravine()
    {
        var page = await Swept(browser, "/lab?surface=ravine&lr=0.05");
        var panel = page.Locator("[data-testid=line-search-panel]");
        await Assertions.Expect(panel.Locator("[data-testid=ls-probes] tbody tr")).ToHaveCountAsync(2);
        var outcome = await panel.Locator("[data-testid=ls-outcome]").InnerTextAsync();
        Assert.Contains("fixed α = 0.05: too large (diverging)", outcome, StringComparison.Ordinal);
        Assert.Contains("line search from α = 0.05: just right", outcome, StringComparison.Ordinal);
        await panel.ScreenshotAsync(new LocatorScreenshotOptions { Path = BrowserFixture.ScreenshotPath("lab-line-search") });
    }

    /// <summary>
    /// Measures (does not assert) how long a 200-rate × 500-step sweep takes to redraw after a control change:
    /// the time to the first picture and to the complete sweep. Figures go to docs/benchmarks.md.
    /// </summary>
    [Fact]
    public async Task Measure_sweep_redraw_after_a_control_change()
    {
        var page = await Swept(browser, "/lab?steps=500");
        var firsts = new List<double>();
        var totals = new List<double>();
        foreach (var max in new[] { "1.9", "2", "1.8", "2.1", "2" })
        {
            var result = await page.EvaluateAsync<double[]>(SweepBrowserBenchmark.ChangeScript, max);
            firsts.Add(result[0]);
            totals.Add(result[1]);
        }

        var text = await page.Locator("[data-testid=sweep-time]").InnerTextAsync();
        output.WriteLine($"sweep redraw, 200 rates × 500 steps: first picture {string.Join(", ", firsts.Select(f => f.ToString("0", CultureInfo.InvariantCulture)))} ms; complete {string.Join(", ", totals.Select(f => f.ToString("0", CultureInfo.InvariantCulture)))} ms; panel says: {text}");
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(BrowserFixture.ScreenshotPath("x"))!, "sweep-redraw.txt"), $"first {string.Join(",", firsts)}\ncomplete {string.Join(",", totals)}\n{text}\n");
        Assert.Contains("200 runs × 500 steps", text, StringComparison.Ordinal);
    }
}
