using System.Globalization;
using Microsoft.Playwright;

namespace LrLab.E2E;

[Collection("browser")]
public sealed class LabPageTests(BrowserFixture browser)
{
    private static readonly LocatorWaitForOptions _ready = new() { Timeout = 30_000 };

    private async Task<(IPage Page, List<string> Errors)> OpenLabAsync(string query = "", int width = 1280, int height = 900)
    {
        var (page, errors) = await browser.OpenAsync("/lab" + query, width, height);
        await page.Locator("[data-testid=verdict]").WaitForAsync(_ready);
        return (page, errors);
    }

    private static Task<string> TextAsync(IPage page, string testId) => page.Locator($"[data-testid={testId}]").First.InnerTextAsync();

    [Fact]
    public async Task Slider_gives_the_four_regimes_on_the_bowl()
    {
        var (page, errors) = await OpenLabAsync("?surface=bowl");
        var slider = page.Locator("[data-testid=lr-slider]");
        foreach (var (lr, words) in new[] { (0.001, "too small"), (0.05, "just right"), (0.3, "oscillating"), (0.6, "too large") })
        {
            await slider.FillAsync(Math.Round(Math.Log10(lr), 3).ToString(CultureInfo.InvariantCulture));
            Assert.Equal(lr.ToString(CultureInfo.InvariantCulture), await TextAsync(page, "lr-value"));
            Assert.Contains(words, await TextAsync(page, "verdict"), StringComparison.Ordinal);
        }

        Assert.Contains("diverging", await TextAsync(page, "verdict"), StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Url_state_round_trips_through_a_copied_link()
    {
        var (page, errors) = await OpenLabAsync("?surface=ravine&optimizer=momentum&momentum=0.5&steps=300");
        var input = page.Locator("[data-testid=lr-input]");
        await input.FillAsync("0.03");
        await input.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => location.search.includes('lr=0.03')");
        await page.Locator("[data-testid=add-rate]").ClickAsync();
        await page.WaitForFunctionAsync("() => location.search.includes('compare=')");
        var link = page.Url;
        Assert.Contains("surface=ravine", link, StringComparison.Ordinal);
        Assert.Contains("momentum=0.5", link, StringComparison.Ordinal);
        Assert.Contains("steps=300", link, StringComparison.Ordinal);

        var (copy, copyErrors) = await browser.OpenAsync(link.Replace(browser.Site.Url, string.Empty, StringComparison.Ordinal));
        await copy.Locator("[data-testid=verdict]").WaitForAsync(_ready);
        Assert.Equal(await TextAsync(page, "lr-value"), await TextAsync(copy, "lr-value"));
        Assert.Equal(await page.Locator("[data-testid=legend-item]").AllInnerTextsAsync(), await copy.Locator("[data-testid=legend-item]").AllInnerTextsAsync());
        Assert.Equal("ravine", await copy.Locator("[data-testid=surface-select]").InputValueAsync());
        Assert.Equal("momentum", await copy.Locator("[data-testid=optimizer-select]").InputValueAsync());
        Assert.True(errors.Count == 0, string.Join(" | ", errors));
        Assert.True(copyErrors.Count == 0, string.Join(" | ", copyErrors) + " at " + link);
    }

    [Fact]
    public async Task Compare_races_rates_with_a_legend_item_each()
    {
        var (page, errors) = await OpenLabAsync("?surface=bowl&compare=0.001,0.05,0.3,0.6");
        var items = await page.Locator("[data-testid=legend-item]").AllInnerTextsAsync();
        Assert.Equal(4, items.Count);
        Assert.Contains("too small", items[0], StringComparison.Ordinal);
        Assert.Contains("just right", items[1], StringComparison.Ordinal);
        Assert.Contains("oscillating", items[2], StringComparison.Ordinal);
        Assert.Contains("too large", items[3], StringComparison.Ordinal);

        await page.Locator("[data-testid=play]").ClickAsync();
        await page.WaitForFunctionAsync("() => Number(document.querySelector('[data-testid=step-count]').textContent) >= 20");
        await page.Locator("[data-testid=play]").ClickAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("lab-race"), FullPage = true });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Bad_url_values_show_a_notice_and_fall_back_to_defaults()
    {
        var (page, errors) = await OpenLabAsync("?surface=x%5E%5E2&lr=abc&steps=-4");
        var notice = await TextAsync(page, "url-notice");
        Assert.Contains("surface:", notice, StringComparison.Ordinal);
        Assert.Contains("lr:", notice, StringComparison.Ordinal);
        Assert.Contains("steps:", notice, StringComparison.Ordinal);
        Assert.Equal("0.05", await TextAsync(page, "lr-value"));
        Assert.Equal("bowl", await page.Locator("[data-testid=surface-select]").InputValueAsync());
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("1e+0", "1")]
    [InlineData("1E-3", "0.001")]
    [InlineData(".5", "0.5")]
    public async Task Rates_in_a_link_read_as_on_every_page(string typed, string shown)
    {
        // Typed straight into the address bar: the '+' of 1e+0 is a plus sign, not a space.
        var (page, errors) = await OpenLabAsync("?surface=bowl&lr=" + typed);
        Assert.Equal(shown, await TextAsync(page, "lr-value"));
        Assert.Equal(0, await page.Locator("[data-testid=url-notice]").CountAsync());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Bad_formula_shows_an_error_with_its_column()
    {
        var (page, errors) = await OpenLabAsync();
        await page.Locator("[data-testid=surface-select]").SelectOptionAsync("__formula");
        var formula = page.Locator("[data-testid=formula-input]");
        await formula.FillAsync("x^2 + (y");
        await formula.PressAsync("Enter");
        Assert.Contains("column", await TextAsync(page, "formula-error"), StringComparison.Ordinal);

        await formula.FillAsync("x^2 + 5*y^2");
        await formula.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => !document.querySelector('[data-testid=formula-error]')");
        Assert.Contains("surface=x%5E2", page.Url, StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Every_preset_loads_from_the_menu_with_its_verdict()
    {
        var (page, errors) = await OpenLabAsync();
        var menu = page.Locator("[data-testid=preset-select]");
        var expected = new Dictionary<string, string>
        {
            ["bowl-0.001"] = "too small",
            ["bowl-0.05"] = "just right",
            ["bowl-0.3"] = "oscillating",
            ["bowl-0.6"] = "diverging",
            ["ravine-0.05"] = "too large",
            ["parabola-1.5"] = "too large",
            ["adam-ravine"] = "just right",
        };
        var options = await menu.Locator("option").EvaluateAllAsync<string[]>("os => os.map(o => o.value).filter(v => v)");
        Assert.True(options.Length >= 9, $"only {options.Length} presets in the menu");
        foreach (var id in options)
        {
            await menu.SelectOptionAsync(id);
            var verdict = await TextAsync(page, "verdict");
            Assert.Matches("too small|just right|too large", verdict);
            if (expected.TryGetValue(id, out var words))
            {
                Assert.Contains(words, verdict, StringComparison.Ordinal);
            }
        }

        Assert.Empty(errors);
    }

    [Fact]
    public async Task Step_play_and_reset_drive_the_readouts()
    {
        var (page, errors) = await OpenLabAsync("?surface=parabola&lr=1.5&steps=12");
        await page.Locator("[data-testid=step]").ClickAsync();
        Assert.Equal("1", await TextAsync(page, "step-count"));
        Assert.Equal("64", await TextAsync(page, "current-loss"));
        Assert.Contains("-8", await TextAsync(page, "this-step"), StringComparison.Ordinal);

        await page.Locator("[data-testid=reset]").ClickAsync();
        Assert.Equal("0", await TextAsync(page, "step-count"));
        await page.Locator("[data-testid=play]").ClickAsync();
        await page.WaitForFunctionAsync("() => Number(document.querySelector('[data-testid=step-count]').textContent) >= 3");
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(1280, 900, "lab")]
    [InlineData(390, 844, "lab-phone")]
    public async Task Lab_fits_the_screen_mid_run(int width, int height, string name)
    {
        var (page, errors) = await OpenLabAsync("?surface=bowl&compare=0.05,0.3,0.6", width, height);
        await page.Locator("[data-testid=speed-select]").SelectOptionAsync("120");
        await page.Locator("[data-testid=play]").ClickAsync();
        await page.WaitForFunctionAsync("() => Number(document.querySelector('[data-testid=step-count]').textContent) >= 14");
        await page.Locator("[data-testid=play]").ClickAsync();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath(name), FullPage = true });
        Assert.True(overflow <= 0, $"page is {overflow}px wider than the screen");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_typed_start_applies_on_enter_and_reaches_the_url()
    {
        var (page, errors) = await OpenLabAsync("?surface=ravine&lr=0.03");
        await page.Locator("[data-testid=start-toggle]").ClickAsync();
        var x = page.Locator("[data-testid=start-x]");
        await x.FillAsync("-2");
        await x.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => location.search.includes('start=-2,1')");
        Assert.Equal("(-2, 1)", await TextAsync(page, "start-value"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("lab-start"), FullPage = true });

        // A bad value names its field; the phone layout keeps the fields on screen.
        await page.SetViewportSizeAsync(390, 844);
        var y = page.Locator("[data-testid=start-y]");
        await y.FillAsync("up");
        await y.PressAsync("Enter");
        Assert.StartsWith("Start y: 'up' is not a number", await TextAsync(page, "start-error"), StringComparison.Ordinal);
        Assert.Contains("start=-2,1", page.Url, StringComparison.Ordinal);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("lab-start-phone"), FullPage = true });
        Assert.True(overflow <= 0, $"page is {overflow}px wider than the screen");
        Assert.Empty(errors);
    }
}
