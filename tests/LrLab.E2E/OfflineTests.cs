using Microsoft.Playwright;

namespace LrLab.E2E;

/// <summary>After the first visit the service worker serves the whole lab, digits included, without a network.</summary>
[Collection("browser")]
public sealed class OfflineTests(BrowserFixture browser)
{
    private const string CacheKeys = "async () => (await caches.keys()).filter(k => k.startsWith('lrlab-offline-'))";

    [Fact]
    public async Task After_one_visit_to_the_lab_the_course_and_a_sweep_work_offline()
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ServiceWorkers = ServiceWorkerPolicy.Allow });
        var page = await context.NewPageAsync();
        var errors = CollectErrors(page);

        await page.GotoAsync(browser.Site.Url + "/lab");
        await Assertions.Expect(page.Locator("[data-testid=sweep-time]")).ToContainTextAsync("all computed", new LocatorAssertionsToContainTextOptions { Timeout = 60_000 });
        await WaitForWorkerAsync(page);

        await context.SetOfflineAsync(true);
        Assert.False(await page.EvaluateAsync<bool>("() => navigator.onLine"));

        await page.GotoAsync(browser.Site.Url + "/learn");
        await Assertions.Expect(page.Locator("[data-testid=lesson-link]").First).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 60_000 });

        await page.GotoAsync(browser.Site.Url + "/lab?surface=ravine&lr=0.03");
        await Assertions.Expect(page.Locator("[data-testid=sweep-time]")).ToContainTextAsync("all computed", new LocatorAssertionsToContainTextOptions { Timeout = 60_000 });
        Assert.Contains("200 runs", await page.Locator("[data-testid=sweep-time]").InnerTextAsync(), StringComparison.Ordinal);

        // The digits the range test trains on come from the cache too, byte for byte what was published.
        var digits = await page.EvaluateAsync<int>("async () => (await (await fetch('data/mnist.bin.gz')).arrayBuffer()).byteLength");
        Assert.Equal(new FileInfo(Path.Combine(StaticSite.Root(), "data", "mnist.bin.gz")).Length, digits);

        // So do the WebAssembly kernels training runs on.
        var kernels = await page.EvaluateAsync<int>("async () => (await (await fetch('kernels/gemm.wasm')).arrayBuffer()).byteLength");
        Assert.Equal(new FileInfo(Path.Combine(StaticSite.Root(), "kernels", "gemm.wasm")).Length, kernels);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath("lab-offline"), FullPage = true });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_new_deploy_replaces_the_offline_cache()
    {
        var root = Directory.CreateTempSubdirectory("lrlab-deploy-").FullName;
        try
        {
            CopyDirectory(StaticSite.Root(), root);
            await using var site = await StaticSite.StartAsync(root);
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ServiceWorkers = ServiceWorkerPolicy.Allow }, site.Url);
            var page = await context.NewPageAsync();
            var errors = CollectErrors(page);

            await page.GotoAsync(site.Url + "/learn");
            await WaitForWorkerAsync(page);
            var first = Assert.Single(await page.EvaluateAsync<string[]>(CacheKeys));

            // A deploy: publish writes a new manifest version (here: the same assets under a new version).
            var manifest = Path.Combine(root, "service-worker-assets.js");
            var version = first["lrlab-offline-".Length..];
            await File.WriteAllTextAsync(manifest, (await File.ReadAllTextAsync(manifest)).Replace($"\"version\": \"{version}\"", "\"version\": \"next-deploy\"", StringComparison.Ordinal));

            await page.ReloadAsync();
            await page.WaitForFunctionAsync(
                $"async () => {{ const k = await ({CacheKeys})(); return k.length === 1 && k[0] === 'lrlab-offline-next-deploy'; }}",
                null,
                new PageWaitForFunctionOptions { Timeout = 60_000, PollingInterval = 250 });
            Assert.Empty(errors);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static List<string> CollectErrors(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return errors;
    }

    /// <summary>Waits until the worker controls the page: it has then filled its cache (install completes only after).</summary>
    private static async Task WaitForWorkerAsync(IPage page)
    {
        await page.EvaluateAsync("async () => { await navigator.serviceWorker.ready; }");
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null", null, new PageWaitForFunctionOptions { Timeout = 60_000 });
        Assert.Single(await page.EvaluateAsync<string[]>(CacheKeys));
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
        }
    }
}
