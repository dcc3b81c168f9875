using Microsoft.Playwright;

namespace LrLab.E2E;

/// <summary>
/// When a part of a page fails in the real browser, that part says so in one line with ways back, Blazor's error bar
/// stays hidden and the rest of the page keeps working. The failure is made by serving a canvas module whose drawing
/// throws, the way a browser without a 2D context would.
/// </summary>
[Collection("browser")]
public sealed class ErrorBoundaryTests(BrowserFixture browser)
{
    private const string Failure = "the drawing surface went away";

    [Fact]
    public async Task A_failing_region_shows_one_line_and_the_page_keeps_working()
    {
        browser.AllowConsoleError(Failure);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.RouteAsync("**/js/canvas*.js", async route =>
        {
            var original = await route.FetchAsync();
            var body = (await original.TextAsync()).Replace(
                "export function draw(id, view, strings) {",
                "export function draw(id, view, strings) {\n    throw new Error('" + Failure + "');",
                StringComparison.Ordinal);
            await route.FulfillAsync(new RouteFulfillOptions { Response = original, Body = body });
        });
        await page.GotoAsync(browser.Site.Url + "/lab?surface=ravine&lr=0.03");

        var region = page.GetByTestId("region-error").First;
        await region.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        var text = (await region.InnerTextAsync()).Trim();
        Assert.StartsWith("The lab could not be shown: ", text, StringComparison.Ordinal);
        Assert.Contains(Failure, text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', text);
        Assert.True(await page.GetByTestId("region-retry").First.IsVisibleAsync());
        Assert.False(await page.Locator("#blazor-error-ui").IsVisibleAsync());
        Assert.Equal("The lab", await page.Locator("h1").InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("region-error") });

        // The way back: a fresh load of the page's defaults (here the drawing still fails, so the region says so again).
        await page.GetByTestId("region-back").First.ClickAsync();
        await page.WaitForURLAsync(browser.Site.Url + "/lab");
        await page.GetByTestId("region-error").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });

        // The rest of the site still works: the navigation leads to a page without the failing part.
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Diagnose", Exact = true }).ClickAsync();
        await page.GetByTestId("diagnose-run").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        Assert.Equal(0, await page.GetByTestId("region-error").CountAsync());
    }

    [Theory]
    [InlineData("/lab?surface=x%5E%5E2&lr=abc&steps=-4&schedule=OneCycleLR(max_lr%3D0.1%2C%20total_steps%3D10)", "lab-bad-link", "url-notice")]
    [InlineData("/schedules?schedule=OneCycleLR(max_lr%3D0.1%2C%20total_steps%3D10)&steps=100&lr=abc", "schedules-bad-link", "url-problem")]
    public async Task A_bad_link_shows_notices_naming_each_key(string path, string screenshot, string notice)
    {
        var (page, _) = await browser.OpenAsync(path);
        var box = page.GetByTestId(notice);
        await box.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        var text = await box.InnerTextAsync();
        foreach (var key in path.Split('?')[1].Split('&').Select(p => p.Split('=')[0]).Where(k => k != "schedule"))
        {
            Assert.Contains(key, text, StringComparison.Ordinal);
        }

        Assert.Contains("OneCycleLR cannot be stepped past step 10", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath(screenshot) });
    }
}
