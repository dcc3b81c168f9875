using Microsoft.Playwright;

namespace LrLab.E2E;

/// <summary>The live panels of the momentum, gradient-flow and sanity-check lessons, driven in the browser.</summary>
[Collection("browser")]
public sealed class NewLessonPanelTests(BrowserFixture browser)
{
    private static readonly LocatorWaitForOptions _wait = new() { Timeout = 30_000 };

    [Fact]
    public async Task Momentum_sliders_move_the_limit_and_the_prediction_compares_with_the_engine()
    {
        var (page, errors) = await browser.OpenAsync("/learn/momentum");
        var panel = page.Locator("[data-testid=momentum-panel]");
        await panel.WaitForAsync(_wait);
        Assert.Equal("0.95", await panel.Locator("[data-testid=momentum-limit]").InnerTextAsync());

        await panel.Locator("[data-testid=momentum-beta]").FillAsync("0");
        await Assertions.Expect(panel.Locator("[data-testid=momentum-limit]")).ToHaveTextAsync("0.5");
        await panel.Locator("[data-testid=momentum-beta]").FillAsync("0.5");
        await Assertions.Expect(panel.Locator("[data-testid=momentum-limit]")).ToHaveTextAsync("0.75");

        var prediction = page.Locator("[data-prediction=momentum-swing]");
        await prediction.Locator("input[data-choice='2']").CheckAsync();
        await prediction.Locator("[data-testid=prediction-run]").ClickAsync();
        var result = prediction.Locator("[data-testid=prediction-result]");
        await result.WaitForAsync(_wait);
        Assert.Equal("true", await result.GetAttributeAsync("data-correct"));
        Assert.Contains("+2.41", await result.InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("lesson-momentum"), FullPage = true });
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task Flow_panel_shows_sign_changes_only_for_the_steps()
    {
        var (page, errors) = await browser.OpenAsync("/learn/gradient-flow");
        var panel = page.Locator("[data-testid=flow-panel]");
        await panel.WaitForAsync(_wait);
        Assert.Contains("changed sign 0 times; the flow's 0", await panel.Locator("[data-testid=flow-regime]").InnerTextAsync(), StringComparison.Ordinal);

        await panel.Locator("button.chip[data-rate='0.3']").ClickAsync();
        await Assertions.Expect(panel.Locator("[data-testid=flow-regime]")).ToContainTextAsync("changes sign every step");
        Assert.Contains("the flow's 0", await panel.Locator("[data-testid=flow-regime]").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("lesson-gradient-flow"), FullPage = true });
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task Sanity_checks_run_on_the_real_digits_in_the_browser()
    {
        var (page, errors) = await browser.OpenAsync("/learn/sanity-checks");
        var panel = page.Locator("[data-testid=sanity-panel]");
        await panel.WaitForAsync(_wait);

        var prediction = panel.Locator("[data-prediction=sanity-initial-loss]");
        await prediction.Locator("input[data-choice='2']").CheckAsync();
        await prediction.Locator("[data-testid=prediction-run]").ClickAsync();
        var result = prediction.Locator("[data-testid=prediction-result]");
        await result.WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });
        Assert.Equal("true", await result.GetAttributeAsync("data-correct"));
        Assert.Contains("ln 10 = 2.303", await result.InnerTextAsync(), StringComparison.Ordinal);

        await panel.Locator("[data-testid=sanity-overfit]").ClickAsync();
        var overfit = panel.Locator("[data-testid=sanity-overfit-result]");
        await Assertions.Expect(overfit).ToContainTextAsync("100% of its 32 digits", new LocatorAssertionsToContainTextOptions { Timeout = 120_000 });

        await panel.Locator("button.chip[data-rate='0.01']").ClickAsync();
        await Assertions.Expect(panel.Locator("[data-testid=sanity-ratios]")).ToContainTextAsync("over 50 updates", new LocatorAssertionsToContainTextOptions { Timeout = 120_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("lesson-sanity-checks"), FullPage = true });
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
