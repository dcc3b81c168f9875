using Microsoft.Playwright;

namespace LrLab.E2E;

/// <summary>
/// The "no server, no tracking" promise, enforced: a Content-Security-Policy that allows only the site itself, every
/// request of every page to the same origin (the page watch checks that for every browser test; this test walks every
/// page on purpose), and markup typed into any text box or put in any link value showing as text.
/// </summary>
[Collection("browser")]
public sealed class SecurityTests(BrowserFixture browser)
{
    private const string Payload = "<img src=x onerror=alert(1)><script>alert(2)</script>";

    public static TheoryData<string, string> PagesWithReadySelector => new()
    {
        { "/", "table.regimes tbody tr" },
        { "/learn", "[data-testid=lesson-link]" },
        { "/learn/what-is-the-learning-rate", "[data-testid=quiz-question]" },
        { "/lab", "[data-testid=verdict]" },
        { "/schedules", "[data-testid=schedule-code]" },
        { "/finder", "[data-testid=finder-run]" },
        { "/diagnose", "[data-testid=diagnose-run]" },
    };

    [Fact]
    public async Task The_page_declares_a_policy_that_allows_only_its_own_origin()
    {
        var (page, _) = await browser.OpenAsync("/");
        await page.Locator("table.regimes tbody tr").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        var policy = await page.Locator("meta[http-equiv=Content-Security-Policy]").GetAttributeAsync("content");

        Assert.NotNull(policy);
        var directives = policy!.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ').Skip(1).ToArray(), StringComparer.Ordinal);
        Assert.Equal(["'self'"], directives["default-src"]);
        // The only inline script allowed is the SDK's import map, by the hash of the map this page serves.
        var html = await (await page.APIRequest.GetAsync(browser.Site.Url + "/")).TextAsync();
        var map = System.Text.RegularExpressions.Regex.Match(html, "<script type=\"importmap\">(.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(map)));
        Assert.Equal(["'self'", "'wasm-unsafe-eval'", $"'sha256-{hash}'"], directives["script-src"]);
        Assert.Equal(["'self'"], directives["connect-src"]);
        Assert.Equal(["'none'"], directives["object-src"]);
        Assert.DoesNotContain(directives.Values.SelectMany(v => v), v => v.Contains("http", StringComparison.Ordinal) || v == "*" || v == "'unsafe-eval'");

        // The policy is live: an inline script the page did not ship is refused (and the refusal is the only error).
        browser.AllowConsoleError("Content Security Policy");
        var ran = await page.EvaluateAsync<bool>("() => { window.__ran = false; const s = document.createElement('script'); s.textContent = 'window.__ran = true'; document.body.appendChild(s); return window.__ran; }");
        Assert.False(ran);
    }

    [Theory]
    [MemberData(nameof(PagesWithReadySelector))]
    public async Task Every_request_of_every_page_goes_to_its_own_origin(string path, string ready)
    {
        var (page, _) = await browser.OpenAsync(path);
        await page.Locator(ready).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var requests = browser.Watch.Requests.ToArray();
        Assert.Contains(requests, r => r.Contains("/_framework/", StringComparison.Ordinal));
        Assert.All(requests, r => Assert.True(r.StartsWith(browser.Site.Url + "/", StringComparison.Ordinal) || r.StartsWith("data:", StringComparison.Ordinal), r));
    }

    [Theory]
    [MemberData(nameof(PagesWithReadySelector))]
    public async Task Markup_typed_into_every_text_box_shows_as_text(string path, string ready)
    {
        var (page, _) = await browser.OpenAsync(path);
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) => dialogs.Add(dialog.Message);
        await page.Locator(ready).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        if (path == "/lab")
        {
            await page.GetByTestId("surface-select").SelectOptionAsync(new SelectOptionValue { Label = "your own formula…" });
        }

        var boxes = page.Locator("input:not([type=range]):not([type=checkbox]):not([type=radio]):not([type=file]):visible, textarea:visible");
        var count = await boxes.CountAsync();
        for (var i = 0; i < count; i++)
        {
            var box = boxes.Nth(i);
            if (!await box.IsVisibleAsync() || !await box.IsEditableAsync() || await box.GetAttributeAsync("type") == "number")
            {
                continue;
            }

            await box.FillAsync(Payload);
            await box.DispatchEventAsync("change");
        }

        await AssertInertAsync(page, dialogs);
    }

    [Theory]
    [InlineData("/lab?surface={0}&optimizer={0}&lr={0}&schedule={0}&start={0}&compare={0}&race={0}", "surface")]
    [InlineData("/schedules?schedule={0}&lr={0}&steps={0}", "lr")]
    [InlineData("/finder?optimizer={0}&start={0}&end={0}&mode={0}", "optimizer")]
    [InlineData("/learn/{0}", "Lesson not found")]
    public async Task Markup_in_every_link_value_shows_as_text(string template, string named)
    {
        var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Uri.EscapeDataString(Payload));
        var (page, _) = await browser.OpenAsync(path);
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) => dialogs.Add(dialog.Message);
        await page.Locator("h1").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var text = await page.Locator("main").InnerTextAsync();
        Assert.Contains(named, text, StringComparison.Ordinal);
        if (!path.StartsWith("/learn/", StringComparison.Ordinal))
        {
            Assert.Contains("<img src=x onerror=alert(1)>", text, StringComparison.Ordinal);
        }

        await AssertInertAsync(page, dialogs);
    }

    private static async Task AssertInertAsync(IPage page, List<string> dialogs)
    {
        await page.WaitForTimeoutAsync(300);
        Assert.Empty(dialogs);
        Assert.Equal(0, await page.Locator("img[src=x], main script").CountAsync());
        Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length"));
    }
}
