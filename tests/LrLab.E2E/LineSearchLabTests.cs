using Microsoft.Playwright;

namespace LrLab.E2E;

[Collection("browser")]
public sealed class LineSearchLabTests(BrowserFixture browser)
{
    private static readonly LocatorWaitForOptions _ready = new() { Timeout = 30_000 };

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task Line_search_on_the_ravine_converges_where_the_fixed_rate_diverges_and_shows_its_trials(int width, int height)
    {
        var (page, errors) = await browser.OpenAsync("/lab?surface=ravine&optimizer=linesearch&lr=0.05", width, height);
        var verdict = page.Locator("[data-testid=verdict]");
        await verdict.WaitForAsync(_ready);
        Assert.Equal("linesearch", await page.Locator("[data-testid=optimizer-select]").InputValueAsync());
        Assert.Contains("0 → 1", await page.Locator("[data-testid=probe-legend]").InnerTextAsync(), StringComparison.Ordinal);

        for (var i = 0; i < 8; i++)
        {
            await page.Locator("[data-testid=step]").ClickAsync();
        }

        Assert.Equal("8", await page.Locator("[data-testid=step-count]").InnerTextAsync());
        var text = await verdict.InnerTextAsync();
        Assert.Contains("just right", text, StringComparison.Ordinal);
        Assert.DoesNotContain("too large", text, StringComparison.Ordinal);
        Assert.Contains("converged in", await page.Locator("[data-testid=legend-item]").InnerTextAsync(), StringComparison.Ordinal);

        var trials = await page.Locator("[data-testid=step-trial]").AllInnerTextsAsync();
        Assert.True(trials.Count >= 1, "no trials in the step panel");
        Assert.Contains("holds", trials[^1], StringComparison.Ordinal);
        Assert.Contains("8 → 9", await page.Locator("[data-testid=probe-legend]").InnerTextAsync(), StringComparison.Ordinal);

        // The comparison panel below still races the fixed rate, which diverges here.
        Assert.Contains("fixed α = 0.05: too large", await page.Locator("[data-testid=ls-outcome]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.NotNull(await page.Locator("[data-testid=sweep-note]").TextContentAsync());

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath($"lab-linesearch-ravine-{width}"), FullPage = true });
        await page.Locator("[data-testid=surface-canvas]").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath($"lab-linesearch-ravine-{width}-surface") });
        await page.Locator("figure.surface").ScreenshotAsync(new LocatorScreenshotOptions { Path = BrowserFixture.ScreenshotPath($"lab-linesearch-ravine-{width}-figure") });
        await page.Locator(".panels").ScreenshotAsync(new LocatorScreenshotOptions { Path = BrowserFixture.ScreenshotPath($"lab-linesearch-ravine-{width}-panels") });
        await page.Locator("[data-testid=sweep-panel]").ScreenshotAsync(new LocatorScreenshotOptions { Path = BrowserFixture.ScreenshotPath($"lab-linesearch-ravine-{width}-sweep") });
        Assert.True(errors.Count == 0, string.Join(" | ", errors));
    }
}
