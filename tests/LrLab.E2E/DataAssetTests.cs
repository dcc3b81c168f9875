using Microsoft.Playwright;

namespace LrLab.E2E;

/// <summary>The MNIST digits ship as a static asset that only the pages which train fetch.</summary>
[Collection("browser")]
public sealed class DataAssetTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_digit_file_is_served_but_not_part_of_the_first_page_load()
    {
        var page = await browser.Browser.NewPageAsync();
        var requested = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);
        await page.GotoAsync(browser.Site.Url + "/");
        await page.Locator("table.regimes tbody tr").Nth(3).WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Contains(requested, url => url.Contains("/_framework/", StringComparison.Ordinal));
        Assert.DoesNotContain(requested, url => url.Contains("mnist", StringComparison.OrdinalIgnoreCase));

        var response = await page.APIRequest.GetAsync(browser.Site.Url + "/data/mnist.bin");
        Assert.Equal(200, response.Status);
        var body = await response.BodyAsync();
        Assert.Equal(24 + 10_000 + (10_000 * 784), body.Length);
        Assert.Equal("LRMN"u8.ToArray(), body[..4]);
    }
}
