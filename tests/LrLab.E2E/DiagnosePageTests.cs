using Microsoft.Playwright;

namespace LrLab.E2E;

[Collection("browser")]
public sealed class DiagnosePageTests(BrowserFixture browser)
{
    [Fact]
    public async Task Pasting_the_lr_1_practice_problem_says_too_large()
    {
        var (page, errors) = await browser.OpenAsync("/diagnose");
        var input = page.GetByTestId("diagnose-input");
        await input.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await input.FillAsync("0.8\n1.5\n3.2\n8.7\nNaN\n");
        await page.Locator("#diagnose-lr").FillAsync("1.0");
        await page.GetByTestId("diagnose-run").ClickAsync();

        var verdict = page.GetByTestId("verdict");
        await verdict.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        Assert.Contains("too large", await verdict.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("0.01 or 0.001", await page.GetByTestId("diagnose-suggestion").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.GetByTestId("diagnose-chart").IsVisibleAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("diagnose"), FullPage = true });
        AssertNoErrors(errors);
    }

    [Fact]
    public async Task Real_too_large_example_and_a_bad_line_on_a_phone()
    {
        var (page, errors) = await browser.OpenAsync("/diagnose", 390, 844);
        var example = page.Locator("button[data-example='real-too-large']");
        await example.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await example.ClickAsync();
        var verdict = page.GetByTestId("verdict");
        await verdict.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        Assert.Contains("too large", await verdict.InnerTextAsync(), StringComparison.Ordinal);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("diagnose-phone"), FullPage = true });
        Assert.True(overflow <= 0, $"page is {overflow}px wider than the phone");

        await page.GetByTestId("diagnose-input").FillAsync("step,loss\n0,0.8\n1,oops\n");
        await page.GetByTestId("diagnose-run").ClickAsync();
        var error = page.GetByTestId("diagnose-error");
        await error.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        Assert.Contains("line 3", await error.InnerTextAsync(), StringComparison.Ordinal);
        AssertNoErrors(errors);
    }

    [Fact]
    public async Task Four_tensorboard_event_files_chosen_at_once_are_overlaid_and_ranked()
    {
        var (page, errors) = await browser.OpenAsync("/diagnose", 1280, 900);
        var input = page.Locator("#diagnose-file");
        await input.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000, State = WaitForSelectorState.Attached });
        var logdir = Path.Combine(AppContext.BaseDirectory, "Formats", "tb-logdir");
        var files = Directory.GetDirectories(logdir).Order(StringComparer.Ordinal).Select(d => Directory.GetFiles(d)[0]).ToArray();
        await input.SetInputFilesAsync(files);

        var advice = page.GetByTestId("diagnose-advice");
        await advice.WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });
        Assert.Contains("0.1 was best: try 0.1–0.5", await advice.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(4, await page.GetByTestId("diagnose-run-row").CountAsync());
        Assert.Contains("just right", await page.GetByTestId("run-verdict").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.GetByTestId("diagnose-chart").IsVisibleAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("diagnose-compare-files"), FullPage = true });
        AssertNoErrors(errors);
    }

    [Fact]
    public async Task The_wandb_example_compares_three_runs_on_a_phone_without_overflow()
    {
        var (page, errors) = await browser.OpenAsync("/diagnose", 390, 844);
        var example = page.Locator("button[data-example='compare-wandb']");
        await example.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await example.ClickAsync();
        var advice = page.GetByTestId("diagnose-advice");
        await advice.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        Assert.Equal(3, await page.GetByTestId("diagnose-run-row").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("diagnose-compare-phone"), FullPage = true });
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"page is {overflow}px wider than the phone");
        AssertNoErrors(errors);
    }

    /// <summary>
    /// Console errors fail the test, except the browser's own 404 for /favicon.ico (index.html links no icon), which
    /// every page of this build shows and which is not this page's doing.
    /// </summary>
    private static void AssertNoErrors(IEnumerable<string> errors) =>
        Assert.DoesNotContain(errors, e => !e.Contains("status of 404", StringComparison.Ordinal));
}
