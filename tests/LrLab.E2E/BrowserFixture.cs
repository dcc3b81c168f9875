using Microsoft.Playwright;

namespace LrLab.E2E;

/// <summary>
/// One static site and one headless Debian chromium shared by the browser tests. Every page a test opens through
/// <see cref="OpenAsync"/> or <see cref="NewPageAsync"/> is watched: a console error, an unhandled exception, Blazor's
/// error bar or a request to another origin fails the test when it ends (<see cref="PageWatchAttribute"/>), so a new
/// test gets these checks without asking for them.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The fixture of the running browser tests (they run one at a time, in one collection).</summary>
    internal static BrowserFixture? Current { get; private set; }

    public StaticSite Site { get; private set; } = null!;

    /// <summary>What the pages of the running test did wrong so far.</summary>
    internal PageWatch Watch { get; private set; } = new();

    public async Task InitializeAsync()
    {
        Site = await StaticSite.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("LRLAB_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Current = this;
    }

    /// <summary>A new watched page (not navigated yet).</summary>
    public async Task<IPage> NewPageAsync(BrowserNewPageOptions? options = null)
    {
        // Service workers stay off unless a test asks: each test's fresh context would otherwise download the whole
        // site into an offline cache, and page routes do not see requests a worker makes (OfflineTests allows them).
        options ??= new BrowserNewPageOptions();
        options.ServiceWorkers ??= ServiceWorkerPolicy.Block;
        var page = await _browser!.NewPageAsync(options);
        Watch.Attach(page, Site.Url);
        return page;
    }

    /// <summary>
    /// A new browser context whose pages are all watched (for tests that need their own context settings); a test that
    /// serves a site of its own passes that site's <paramref name="origin"/>.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options, string? origin = null)
    {
        var context = await _browser!.NewContextAsync(options);
        context.Page += (_, page) => Watch.Attach(page, origin ?? Site.Url);
        return context;
    }

    /// <summary>A new watched page, already navigated; its console errors are also listed for the test to read.</summary>
    public async Task<(IPage Page, List<string> Errors)> OpenAsync(string path, int width = 1280, int height = 900)
    {
        var page = await NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(Site.Url + path);
        return (page, errors);
    }

    /// <summary>
    /// Lets the running test's pages log console errors containing <paramref name="fragment"/> (a 404 the test asks
    /// for on purpose). Everything else still fails the test.
    /// </summary>
    public void AllowConsoleError(string fragment) => Watch.Allow(fragment);

    /// <summary>Starts watching a new test's pages.</summary>
    internal void BeginTest() => Watch = new PageWatch();

    public static string ScreenshotPath(string name)
    {
        var dir = Path.Combine(Path.GetDirectoryName(StaticSite.Root())!, "..", "screenshots");
        Directory.CreateDirectory(dir);
        return Path.GetFullPath(Path.Combine(dir, name + ".png"));
    }

    public async Task DisposeAsync()
    {
        Current = null;
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (Site is not null)
        {
            await Site.DisposeAsync();
        }
    }
}

[CollectionDefinition("browser")]
public sealed class BrowserGroup : ICollectionFixture<BrowserFixture>;
