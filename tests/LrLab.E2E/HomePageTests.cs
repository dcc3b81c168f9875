using Microsoft.Playwright;

namespace LrLab.E2E;

[Collection("browser")]
public sealed class HomePageTests(BrowserFixture browser)
{
    [Fact]
    public async Task Home_page_runs_the_engine_and_shows_the_three_regimes()
    {
        var (page, errors) = await browser.OpenAsync("/");
        await page.Locator("table.regimes tbody tr").Nth(3).WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });

        Assert.Equal("LR Lab", await page.Locator("h1").InnerTextAsync());
        var badges = await page.Locator("table.regimes .badge").AllInnerTextsAsync();
        Assert.Equal(["too small (crawling)", "just right (smooth)", "just right (oscillating)", "too large (diverging)"], badges);

        // The worked example: w = 4, α = 1.5 → −8 → 16.
        var worked = await page.Locator(".worked-example").InnerTextAsync();
        Assert.Contains("-8", worked, StringComparison.Ordinal);
        Assert.Contains("16", worked, StringComparison.Ordinal);

        // The race below the table plays by itself: the step counter moves without a click.
        var race = page.GetByTestId("home-race");
        Assert.Equal(4, await race.GetByTestId("legend-item").CountAsync());
        await Assertions.Expect(race.GetByTestId("step-count")).Not.ToHaveTextAsync("0", new LocatorAssertionsToHaveTextOptions { Timeout = 15_000 });

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("home"), FullPage = true });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Unknown_route_falls_back_to_the_app_and_says_not_found()
    {
        var (page, errors) = await browser.OpenAsync("/no/such/page");
        await page.Locator("h1").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        Assert.Equal("Page not found", await page.Locator("h1").InnerTextAsync());
        Assert.DoesNotContain(errors, e => !e.Contains("404", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Home_page_fits_a_phone_without_horizontal_scrolling()
    {
        var (page, _) = await browser.OpenAsync("/", 360, 740);
        await page.Locator("table.regimes tbody tr").Nth(3).WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("home-phone"), FullPage = true });
        Assert.True(overflow <= 0, $"page is {overflow}px wider than a 360px screen");
    }
}
