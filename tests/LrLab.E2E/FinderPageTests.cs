using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LrLab.E2E;

[Collection("browser")]
public sealed class FinderPageTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task Range_test_runs_in_the_browser_and_suggests_a_rate()
    {
        var (page, errors) = await browser.OpenAsync("/finder");
        var run = page.GetByTestId("finder-run");
        await run.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await page.GetByTestId("loss-chart").WaitForAsync();

        var clock = Stopwatch.StartNew();
        await run.ClickAsync();
        var suggested = page.GetByTestId("suggested-lr");
        await suggested.WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });
        clock.Stop();

        var text = await suggested.InnerTextAsync();
        var rate = double.Parse(text, CultureInfo.InvariantCulture);
        Assert.InRange(rate, 1e-3, 10);
        var status = await page.GetByTestId("finder-status").InnerTextAsync();
        Assert.StartsWith("Range test done", status, StringComparison.Ordinal);
        output.WriteLine($"range test in chromium: {clock.Elapsed.TotalSeconds:0.0} s from click to suggestion (including the data download); page says: {status}");
        Assert.Equal("Run the range test", (await run.InnerTextAsync()).Trim());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("finder"), FullPage = true });

        // Train with the suggestion next to ÷100 and ×10: three curves and a table with test accuracy.
        clock.Restart();
        await page.GetByTestId("train-suggested").ClickAsync();
        await page.GetByTestId("comparison-chart").WaitForAsync();
        await page.Locator("[data-testid=finder-status]:has-text('Trained')").WaitForAsync(new LocatorWaitForOptions { Timeout = 180_000 });
        output.WriteLine($"three training runs of one epoch each: {clock.Elapsed.TotalSeconds:0.0} s");
        var rows = await page.Locator("table.runs tbody tr").AllInnerTextsAsync();
        Assert.Equal(3, rows.Count);
        Assert.Contains("%", rows[1], StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("finder-trained"), FullPage = true });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_optimizer_comes_from_the_url_and_a_bad_one_is_reported()
    {
        var (page, _) = await browser.OpenAsync("/finder?optimizer=adam");
        var select = page.GetByTestId("optimizer-select");
        await select.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        Assert.Equal("adam", await select.InputValueAsync());

        var (bad, errors) = await browser.OpenAsync("/finder?optimizer=adamax");
        await bad.GetByTestId("optimizer-select").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        Assert.Equal("sgd", await bad.GetByTestId("optimizer-select").InputValueAsync());
        Assert.Contains("adamax", await bad.Locator(".problem").InnerTextAsync(), StringComparison.Ordinal);

        await bad.GetByTestId("optimizer-select").SelectOptionAsync("momentum");
        await bad.WaitForURLAsync("**/finder?optimizer=momentum");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Settings_from_the_url_shape_the_test_and_a_bad_box_is_named()
    {
        var (page, errors) = await browser.OpenAsync("/finder?iters=40&end=1");
        var run = page.GetByTestId("finder-run");
        await run.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        Assert.Equal("40", await page.GetByTestId("finder-iters").InputValueAsync());
        Assert.Contains("40 mini-batches", await page.GetByTestId("finder-lead").InnerTextAsync(), StringComparison.Ordinal);

        // A bad box: named next to it, the URL keeps the last valid values and the run uses them.
        await page.GetByTestId("finder-iters").FillAsync("5");
        await page.GetByTestId("finder-iters").PressAsync("Tab");
        await page.Locator(".field-error:has-text('Mini-batches')").WaitForAsync();
        Assert.EndsWith("/finder?iters=40&end=1", page.Url, StringComparison.Ordinal);

        await run.ClickAsync();
        await page.GetByTestId("suggested-lr").WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });
        var rate = double.Parse(await page.GetByTestId("suggested-lr").InnerTextAsync(), CultureInfo.InvariantCulture);
        Assert.InRange(rate, 1e-7, 1);
        var status = await page.GetByTestId("finder-status").InnerTextAsync();
        Assert.EndsWith(": 40 mini-batches.", status, StringComparison.Ordinal);
        output.WriteLine($"1e-7 to 1 over 40 mini-batches: suggested {rate}; page says: {status}");

        // A good value replaces the URL in place.
        await page.GetByTestId("finder-iters").FillAsync("60");
        await page.GetByTestId("finder-iters").PressAsync("Tab");
        await page.WaitForURLAsync("**/finder?optimizer=sgd&end=1&iters=60");
        Assert.Empty(await page.Locator(".field-error").AllAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_run_button_cancels_a_running_test()
    {
        var (page, errors) = await browser.OpenAsync("/finder?optimizer=adam");
        var run = page.GetByTestId("finder-run");
        await run.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });

        // The test takes a second or two; a second click right after the first stops it, while the digits
        // load or a few batches in. Either way the page says so and is ready again.
        await run.ClickAsync();
        await run.ClickAsync();
        await page.Locator("[data-testid=finder-status]:has-text('ancelled')").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        Assert.Equal("Run the range test", (await run.InnerTextAsync()).Trim());
        Assert.Empty(errors);

        await run.ClickAsync();
        await page.GetByTestId("suggested-lr").WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });
    }

    [Fact]
    public async Task Finder_fits_a_phone()
    {
        var (page, _) = await browser.OpenAsync("/finder", 390, 844);
        await page.GetByTestId("finder-run").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await page.GetByTestId("finder-run").ClickAsync();
        await page.GetByTestId("suggested-lr").WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("finder-phone"), FullPage = true });
        Assert.True(overflow <= 0, $"page is {overflow}px wider than a 390px screen");
    }
}
