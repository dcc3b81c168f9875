using System.IO.Compression;
using LrLab.Core.Training;
using Microsoft.Playwright;

namespace LrLab.E2E;

/// <summary>The MNIST digits ship as a static asset that only the pages which train fetch.</summary>
[Collection("browser")]
public sealed class DataAssetTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_digit_file_is_served_but_not_part_of_the_first_page_load()
    {
        var page = await browser.NewPageAsync();
        var requested = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);
        await page.GotoAsync(browser.Site.Url + "/");
        await page.Locator("table.regimes tbody tr").Nth(3).WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Contains(requested, url => url.Contains("/_framework/", StringComparison.Ordinal));
        Assert.DoesNotContain(requested, url => url.Contains("mnist", StringComparison.OrdinalIgnoreCase));

        var response = await page.APIRequest.GetAsync(browser.Site.Url + "/data/mnist.bin.gz");
        Assert.Equal(200, response.Status);
        var body = await response.BodyAsync();
        Assert.InRange(body.Length, 1_000_000, 2_500_000); // what travels over the wire
        Assert.Equal(8000, DigitFile.Read(new MemoryStream(body)).Train.Count); // gzip, checked after decompression
    }

    [Fact]
    public async Task A_missing_digit_file_is_reported_in_one_line_before_training()
    {
        var page = await browser.NewPageAsync();
        browser.AllowConsoleError("404");
        await page.RouteAsync("**/data/mnist.bin.gz", route => route.FulfillAsync(new RouteFulfillOptions { Status = 404, Body = "gone" }));

        var status = await RunAndReadStatusAsync(page);

        Assert.Equal("The range test failed: data/mnist.bin.gz could not be loaded (HTTP 404): the digits are missing from this copy of the site", status);
    }

    [Fact]
    public async Task A_damaged_digit_file_is_reported_in_one_line_before_training()
    {
        var page = await browser.NewPageAsync();
        var shipped = await (await page.APIRequest.GetAsync(browser.Site.Url + "/data/mnist.bin.gz")).BodyAsync();
        using var gzip = new GZipStream(new MemoryStream(shipped), CompressionMode.Decompress);
        using var unpacked = new MemoryStream();
        await gzip.CopyToAsync(unpacked);
        var damaged = unpacked.ToArray(); // served unpacked, as a host that decompressed it would
        damaged[30_000] ^= 0x01;
        await page.RouteAsync("**/data/mnist.bin.gz", route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, BodyBytes = damaged }));

        var status = await RunAndReadStatusAsync(page);

        Assert.StartsWith("The range test failed: data/mnist.bin.gz: the digit file is damaged: SHA-256 ", status, StringComparison.Ordinal);
        Assert.EndsWith("instead of 6313b6b54087…", status, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("finder-damaged-data") });
    }

    [Fact]
    public async Task A_cut_short_digit_file_is_reported_with_its_length()
    {
        var page = await browser.NewPageAsync();
        await page.RouteAsync("**/data/mnist.bin.gz", route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, BodyBytes = new byte[1000] }));

        var status = await RunAndReadStatusAsync(page);

        Assert.Equal("The range test failed: data/mnist.bin.gz: the digit file is damaged or cut short: 1,000 of 7,850,024 bytes", status);
    }

    [Fact]
    public async Task Edge_and_the_finder_share_one_download_of_the_digits()
    {
        var (page, errors) = await browser.OpenAsync("/edge?rates=0.1&samples=50&steps=10");
        var digitRequests = 0;
        page.Request += (_, request) => digitRequests += request.Url.Contains("mnist.bin", StringComparison.Ordinal) ? 1 : 0;
        var edgeRun = page.GetByTestId("edge-run");
        await edgeRun.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await edgeRun.ClickAsync();
        await page.Locator("[data-testid=edge-status]:has-text('Done')").WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });

        await page.EvaluateAsync("() => Blazor.navigateTo('finder')"); // in-app navigation: the same app, the same services
        var run = page.GetByTestId("finder-run");
        await run.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await run.ClickAsync();
        await page.GetByTestId("suggested-lr").WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });

        Assert.Equal(1, digitRequests);
        Assert.Empty(errors);
    }

    private async Task<string> RunAndReadStatusAsync(IPage page)
    {
        await page.GotoAsync(browser.Site.Url + "/finder");
        var run = page.GetByTestId("finder-run");
        await run.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await run.ClickAsync();
        var status = page.Locator("[data-testid=finder-status]:has-text('failed')");
        await status.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        return (await status.InnerTextAsync()).Trim();
    }
}
