using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace LrLab.E2E;

/// <summary>
/// The site's WebAssembly SIMD kernels (Kernels/gemm.c) against Core's managed kernels, both run in chromium where the
/// managed ones are the Mono interpreter's Vector128 tiles: every product and a whole training run, bit for bit.
/// </summary>
[Collection("browser")]
public sealed class WasmKernelTests(BrowserFixture browser)
{
    private const string Exports = "(await globalThis.getDotnetRuntime(0).getAssemblyExports('LrLab.Web.dll')).LrLab.Web.Interop.KernelCheck";

    [Fact]
    public async Task Every_product_has_the_bits_of_the_managed_kernels_on_many_shapes()
    {
        var (page, errors) = await browser.OpenAsync("/");
        await page.WaitForFunctionAsync("() => document.querySelector('table.regimes') !== null", null, new() { Timeout = 60_000 });
        foreach (var seed in new[] { 1, 2 })
        {
            var json = await page.EvaluateAsync<string>($"async seed => await {Exports}.ProductsAsync(location.origin + '/', seed)", seed);
            using var result = JsonDocument.Parse(json);
            Assert.Equal("WasmMatrixKernels", result.RootElement.GetProperty("kernels").GetString()); // the module loaded
            Assert.True(result.RootElement.GetProperty("compared").GetInt32() > 400, json);
            Assert.True(result.RootElement.GetProperty("differing").GetInt32() == 0, json);
        }

        Assert.Empty(errors);
    }

    [Fact]
    public async Task Training_on_the_digits_gives_the_same_losses_and_weights_on_both_kernels()
    {
        var (page, errors) = await browser.OpenAsync("/");
        await page.WaitForFunctionAsync("() => document.querySelector('table.regimes') !== null", null, new() { Timeout = 60_000 });
        var json = await page.EvaluateAsync<string>($"async () => await {Exports}.TrainingAsync(location.origin + '/data/mnist.bin.gz', 30)");
        using var result = JsonDocument.Parse(json);
        var root = result.RootElement;
        Assert.Equal("WasmMatrixKernels", root.GetProperty("kernels").GetString());
        Assert.True(root.GetProperty("sameLosses").GetBoolean(), json);
        Assert.True(root.GetProperty("sameWeights").GetBoolean(), json);
        Assert.True(root.GetProperty("lastLoss").GetDouble() < root.GetProperty("firstLoss").GetDouble(), json); // it trained
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Without_the_module_the_managed_kernels_train_and_nothing_is_logged()
    {
        // A module this browser cannot compile (as without WebAssembly SIMD): the site falls back, silently.
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" || (message.Type is "warning" && !message.Text.Contains("blocked by Playwright", StringComparison.Ordinal)))
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        await page.RouteAsync("**/kernels/gemm.wasm", route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/wasm", BodyBytes = Encoding.ASCII.GetBytes("not a module") }));
        await page.GotoAsync(browser.Site.Url + "/");
        await page.WaitForFunctionAsync("() => document.querySelector('table.regimes') !== null", null, new() { Timeout = 60_000 });
        var json = await page.EvaluateAsync<string>($"async () => await {Exports}.TrainingAsync(location.origin + '/data/mnist.bin.gz', 5)");
        using var result = JsonDocument.Parse(json);
        Assert.Equal("ManagedMatrixKernels", result.RootElement.GetProperty("kernels").GetString());
        Assert.True(result.RootElement.GetProperty("lastLoss").GetDouble() < result.RootElement.GetProperty("firstLoss").GetDouble(), json);
        Assert.Empty(errors);
    }
}
