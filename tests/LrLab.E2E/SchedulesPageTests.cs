using Microsoft.Playwright;

namespace LrLab.E2E;

[Collection("browser")]
public sealed class SchedulesPageTests(BrowserFixture browser)
{
    private static readonly string[] _classes =
    [
        "StepLR", "MultiStepLR", "ExponentialLR", "ConstantLR", "LinearLR", "PolynomialLR", "CosineAnnealingLR",
        "CosineAnnealingWarmRestarts", "OneCycleLR", "CyclicLR", "SequentialLR", "ReduceLROnPlateau",
    ];

    private static async Task<IPage> Ready(BrowserFixture browser, string path, int width = 1280, int height = 900)
    {
        var (page, _) = await browser.OpenAsync(path, width, height);
        await page.Locator("[data-testid=schedule-code]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        return page;
    }

    [Theory]
    [InlineData("1e+0", "1")]
    [InlineData("1E-3", "0.001")]
    [InlineData(".5", "0.5")]
    public async Task Rates_in_a_link_read_as_on_every_page(string typed, string shown)
    {
        var (page, errors) = await browser.OpenAsync("/schedules?lr=" + typed);
        await page.Locator("[data-testid=schedule-code]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        Assert.Equal(shown, await page.Locator("[data-testid=base-lr]").InputValueAsync());
        Assert.Equal(0, await page.Locator("[data-testid=url-problem]").CountAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Every_scheduler_can_be_built_in_the_form_and_round_trips_through_the_spec_box()
    {
        var (page, errors) = await browser.OpenAsync("/schedules");
        await page.Locator("[data-testid=schedule-code]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        var spec = page.Locator("[data-testid=schedule-spec]");
        foreach (var name in _classes)
        {
            await page.Locator("[data-testid=scheduler-select]").SelectOptionAsync(name);
            await Assertions.Expect(spec).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^" + name + "\\("));
            Assert.Equal(0, await page.Locator("[data-testid=schedule-error]").CountAsync());
            var built = await spec.InputValueAsync();
            Assert.Contains($"torch.optim.lr_scheduler.{name}(optimizer", await page.Locator("[data-testid=schedule-code]").InnerTextAsync(), StringComparison.Ordinal);

            // Round trip: clear the box, type the spec back, get the same canonical spec and scheduler.
            await spec.FillAsync(string.Empty);
            await spec.FillAsync(built);
            await Assertions.Expect(spec).ToHaveValueAsync(built);
            Assert.Equal(name, await page.Locator("[data-testid=scheduler-select]").InputValueAsync());
            Assert.Contains(Uri.EscapeDataString(built), page.Url, StringComparison.Ordinal);
        }

        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_field_change_redraws_and_updates_the_url_and_the_lab_link()
    {
        var page = await Ready(browser, "/schedules?schedule=" + Uri.EscapeDataString("StepLR(step_size=5)") + "&lr=0.2&steps=60");
        Assert.Equal("StepLR(step_size=5)", await page.Locator("[data-testid=schedule-spec]").InputValueAsync());
        await page.Locator("[data-field=gamma]").FillAsync("0.5");
        await page.Locator("[data-field=gamma]").PressAsync("Tab");
        await Assertions.Expect(page.Locator("[data-testid=schedule-spec]")).ToHaveValueAsync("StepLR(step_size=5, gamma=0.5)");
        Assert.Contains(Uri.EscapeDataString("StepLR(step_size=5, gamma=0.5)"), page.Url, StringComparison.Ordinal);
        var lab = await page.Locator("[data-testid=use-in-lab]").GetAttributeAsync("href");
        Assert.Equal("lab?schedule=" + Uri.EscapeDataString("StepLR(step_size=5, gamma=0.5)") + "&lr=0.2&steps=60", lab);
        Assert.Contains("last 9.766E-05", await page.Locator("[data-testid=schedule-stats]").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_spec_names_the_column_and_a_bad_url_is_reported()
    {
        var page = await Ready(browser, "/schedules");
        await page.Locator("[data-testid=schedule-spec]").FillAsync("CosineAnnealingLR(tmax=10)");
        var error = page.Locator("[data-testid=schedule-error]");
        await Assertions.Expect(error).ToContainTextAsync("column 19");
        await Assertions.Expect(error).ToContainTextAsync("T_max");

        var bad = await Ready(browser, "/schedules?schedule=" + Uri.EscapeDataString("StepLR(") + "&lr=abc");
        var problem = await bad.Locator("[data-testid=url-problem]").InnerTextAsync();
        Assert.Contains("schedule", problem, StringComparison.Ordinal);
        Assert.Contains("lr", problem, StringComparison.Ordinal);
        Assert.StartsWith("SequentialLR(", await bad.Locator("[data-testid=schedule-spec]").InputValueAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Use_in_lab_runs_the_schedule_where_a_decay_rescues_a_too_large_start()
    {
        var spec = "MultiStepLR(milestones=[5], gamma=0.1)";
        var page = await Ready(browser, "/schedules?schedule=" + Uri.EscapeDataString(spec) + "&lr=0.6");
        await page.Locator("[data-testid=use-in-lab]").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/lab\\?"));
        Assert.Contains("schedule=", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("[data-testid=lr-value]")).ToHaveTextAsync("0.6");
        await page.Locator("[data-testid=verdict]").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=verdict]").First).ToContainTextAsync("just right");
    }

    [Fact]
    public async Task Presets_switch_the_schedule_and_the_page_fits_a_phone()
    {
        var page = await Ready(browser, "/schedules");
        await page.Locator("button[data-preset=one-cycle]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=schedule-spec]")).ToHaveValueAsync("OneCycleLR(max_lr=0.1, total_steps=100)");
        await page.Locator("[data-testid=log-axis]").CheckAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("schedules"), FullPage = true });

        var phone = await Ready(browser, "/schedules", 390, 800);
        var overflow = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        await phone.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("schedules-phone"), FullPage = true });
        Assert.True(overflow <= 0, $"page is {overflow}px wider than a 390px screen");
    }
}
