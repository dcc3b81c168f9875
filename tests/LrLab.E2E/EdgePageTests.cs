using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LrLab.E2E;

[Collection("browser")]
public sealed partial class EdgePageTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task Default_run_trains_three_rates_and_says_where_the_sharpness_settled()
    {
        var (page, errors) = await browser.OpenAsync("/edge");
        var run = page.GetByTestId("edge-run");
        await run.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await page.GetByTestId("edge-chart").WaitForAsync();

        var clock = Stopwatch.StartNew();
        await run.ClickAsync();
        await page.Locator("[data-testid=edge-status]:has-text('Training')").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        await page.WaitForFunctionAsync("() => Number(document.querySelector('[data-testid=edge-progress]').value) >= 0.4", null, new PageWaitForFunctionOptions { Timeout = 120_000 });
        Assert.Equal("Cancel", (await run.InnerTextAsync()).Trim());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("edge-running"), FullPage = true });

        await page.Locator("[data-testid=edge-status]:has-text('Done')").WaitForAsync(new LocatorWaitForOptions { Timeout = 180_000 });
        clock.Stop();
        var status = await page.GetByTestId("edge-status").InnerTextAsync();
        output.WriteLine($"/edge default run in chromium: {clock.Elapsed.TotalSeconds:0.0} s from click to done (including the data download); page says: {status}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("edge"), FullPage = true });

        var summaries = await page.GetByTestId("edge-summary").AllInnerTextsAsync();
        Assert.Equal(3, summaries.Count);
        string[] rates = ["0.25", "0.5", "1"];
        for (var i = 0; i < 3; i++)
        {
            var text = summaries[i];
            output.WriteLine(text);
            Assert.StartsWith($"η = {rates[i]} (2/η = {2 / double.Parse(rates[i], CultureInfo.InvariantCulture):G3})", text, StringComparison.Ordinal);
            var settled = Settled().Match(text);
            Assert.True(settled.Success, text);
            Assert.Matches("spiked first|never spiked", text);
        }

        // η = 0.5 and 1 overshoot their 2/η and are pulled back near it; the smallest rate's loss never jumps.
        Assert.Contains("never spiked", summaries[0], StringComparison.Ordinal);
        Assert.Contains("spiked first", summaries[1], StringComparison.Ordinal);
        Assert.Equal("Run", (await run.InnerTextAsync()).Trim());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Cancel_stops_the_run_and_keeps_what_was_computed()
    {
        var (page, errors) = await browser.OpenAsync("/edge?rates=0.5,1&samples=200&steps=400");
        var run = page.GetByTestId("edge-run");
        await run.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await run.ClickAsync();
        await page.WaitForFunctionAsync("() => Number(document.querySelector('[data-testid=edge-progress]').value) > 0.05", null, new PageWaitForFunctionOptions { Timeout = 120_000 });
        await run.ClickAsync();
        await page.Locator("[data-testid=edge-status]:has-text('Cancelled')").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        Assert.Equal(2, await page.GetByTestId("edge-summary").CountAsync());
        Assert.Equal("Run", (await run.InnerTextAsync()).Trim());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Bad_url_values_are_named_and_replaced_by_defaults()
    {
        var (page, errors) = await browser.OpenAsync("/edge?rates=0.5,abc&samples=9&steps=50");
        await page.GetByTestId("edge-run").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        var notices = await page.GetByTestId("edge-notice").AllInnerTextsAsync();
        Assert.Equal(2, notices.Count);
        Assert.StartsWith("rates:", notices[0], StringComparison.Ordinal);
        Assert.StartsWith("samples:", notices[1], StringComparison.Ordinal);
        Assert.Equal("0.25,0.5,1", await page.Locator("#edge-rates").InputValueAsync());
        Assert.Equal("500", await page.Locator("#edge-samples").InputValueAsync());
        Assert.Equal("50", await page.Locator("#edge-steps").InputValueAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_too_large_lesson_leads_to_the_edge_page()
    {
        var (page, errors) = await browser.OpenAsync("/learn/too-large");
        var link = page.GetByTestId("edge-link");
        await link.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await link.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("lesson-too-large-edge") });
        await link.ClickAsync();
        await page.GetByTestId("edge-run").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        Assert.Contains("/edge?rates=0.25,0.5,1", page.Url, StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByTestId("edge-notice").CountAsync());
        Assert.Empty(errors);
    }

    [GeneratedRegex(@"settled at [0-9.]+, [0-9.]+ × 2/η")]
    private static partial Regex Settled();
}
