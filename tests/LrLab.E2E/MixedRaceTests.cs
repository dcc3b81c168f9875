using Microsoft.Playwright;

namespace LrLab.E2E;

[Collection("browser")]
public sealed class MixedRaceTests(BrowserFixture browser)
{
    // Opens "Optimizers race on the ravine" from the preset menu: four legend items, each naming its optimizer with a
    // verdict; selecting Adam's run hands it the verdict panel; screenshots of the mixed race on a desktop and a phone.
    [Fact]
    public async Task The_optimizer_race_preset_shows_four_named_runs_with_verdicts()
    {
        var (page, errors) = await browser.OpenAsync("/lab");
        await page.Locator("[data-testid=verdict]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await page.Locator("[data-testid=preset-select]").SelectOptionAsync("ravine-optimizers");
        await page.Locator("[data-testid=run-to-end]").ClickAsync();

        var items = page.Locator("[data-testid=legend-item]");
        Assert.Equal(4, await items.CountAsync());
        string[] names = ["sgd · α = 0.03", "momentum · α = 0.01", "adam · α = 0.1", "line search · α₀ = 0.05"];
        string[] verdicts = ["just right (oscillating)", "just right (oscillating)", "just right (oscillating)", "just right (oscillating)"];
        for (var i = 0; i < 4; i++)
        {
            var text = await items.Nth(i).InnerTextAsync();
            Assert.Contains(names[i], text, StringComparison.Ordinal);
            Assert.Contains(verdicts[i], text, StringComparison.Ordinal);
            Assert.Contains("converged in", text, StringComparison.Ordinal);
        }

        Assert.Contains("race=sgd:0.03,momentum:0.01,adam:0.1,linesearch:0.05", page.Url, StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("lab-optimizer-race"), FullPage = true });

        await items.Nth(2).Locator(".rate-name").ClickAsync();
        Assert.Contains("adam at α = 0.1", await page.Locator("[data-testid=verdict]").InnerTextAsync(), StringComparison.Ordinal);

        var (phone, phoneErrors) = await browser.OpenAsync(new Uri(page.Url).PathAndQuery, 390, 844);
        await phone.Locator("[data-testid=verdict]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await phone.Locator("[data-testid=run-to-end]").ClickAsync();
        Assert.Equal(4, await phone.Locator("[data-testid=legend-item]").CountAsync());
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("lab-optimizer-race-phone"), FullPage = true });
        Assert.Empty(errors);
        Assert.Empty(phoneErrors);
    }
}
