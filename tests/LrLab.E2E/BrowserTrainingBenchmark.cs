using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LrLab.E2E;

/// <summary>
/// Our MLP training in the browser beside TensorFlow.js 4.22 in the same chromium (bench/tfjs_browser.sh): the same
/// 784-128-10 network, SGD at 0.1, batch 64, the shipped digits; rounds alternate ours, TF.js wasm, TF.js cpu.
/// </summary>
[Collection("browser")]
[Trait("Category", "Benchmark")]
public sealed class BrowserTrainingBenchmark(BrowserFixture browser, ITestOutputHelper output)
{
    private const int Warmup = 20;

    private static int Steps => int.TryParse(Environment.GetEnvironmentVariable("LRLAB_BENCH_STEPS"), CultureInfo.InvariantCulture, out var s) ? s : 150;

    private static int Rounds => int.TryParse(Environment.GetEnvironmentVariable("LRLAB_BENCH_ROUNDS"), CultureInfo.InvariantCulture, out var r) ? r : 3;

    [BenchmarkFact]
    public async Task Mlp_training_in_chromium_beside_tensorflow_js()
    {
        var peerRoot = RepositoryRoot();
        if (!File.Exists(Path.Combine(peerRoot, "bench", "peers", "tfjs", "node_modules", "@tensorflow", "tfjs", "dist", "tf.min.js")))
        {
            throw new InvalidOperationException("run bench/tfjs_browser.sh (it installs the TensorFlow.js packages first)");
        }

        await using var peerSite = await StaticSite.StartAsync(peerRoot);
        var results = new Dictionary<string, List<double>> { ["lrlab"] = [], ["tfjs-wasm"] = [], ["tfjs-cpu"] = [] };
        var lines = new List<string> { $"load average before: {File.ReadAllText("/proc/loadavg").Trim()}" };
        for (var round = 0; round < Rounds; round++)
        {
            results["lrlab"].Add(await OursAsync(lines));
            results["tfjs-wasm"].Add(await PeerAsync(peerSite, "wasm", lines));
            results["tfjs-cpu"].Add(await PeerAsync(peerSite, "cpu", lines));
        }

        lines.Add($"load average after: {File.ReadAllText("/proc/loadavg").Trim()}");
        var best = results.ToDictionary(p => p.Key, p => p.Value.Max());
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"best of {Rounds} rounds, samples/s: lrlab {best["lrlab"]:F0}, tfjs-wasm {best["tfjs-wasm"]:F0}, tfjs-cpu {best["tfjs-cpu"]:F0}"));
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"ratio ours / tfjs-wasm: {best["lrlab"] / best["tfjs-wasm"]:F2}x (per round: {string.Join(", ", results["lrlab"].Zip(results["tfjs-wasm"], (a, b) => (a / b).ToString("F2", CultureInfo.InvariantCulture)))}); ours / tfjs-cpu: {best["lrlab"] / best["tfjs-cpu"]:F2}x"));
        foreach (var line in lines)
        {
            output.WriteLine(line);
        }

        await File.AppendAllLinesAsync(Path.Combine(Path.GetDirectoryName(BrowserFixture.ScreenshotPath("x"))!, "browser-training.txt"), lines);
    }

    private async Task<double> OursAsync(List<string> lines)
    {
        var (page, errors) = await browser.OpenAsync("/");
        await page.WaitForFunctionAsync("() => document.querySelector('table.regimes') !== null", null, new PageWaitForFunctionOptions { Timeout = 60_000 });
        var json = await page.EvaluateAsync<string>(
            """
            async ([warmup, steps]) => {
              const exports = await globalThis.getDotnetRuntime(0).getAssemblyExports('LrLab.Web.dll');
              return await exports.LrLab.Web.Interop.TrainingBenchmark.RunAsync(location.origin + '/data/mnist.bin.gz', 'sgd', 0.1, 128, 64, warmup, steps);
            }
            """,
            new[] { Warmup, Steps });
        lines.Add("parts of one step: " + await page.EvaluateAsync<string>(
            "async () => await (await globalThis.getDotnetRuntime(0).getAssemblyExports('LrLab.Web.dll')).LrLab.Web.Interop.TrainingBenchmark.ProfileAsync(location.origin + '/', 10)"));
        await page.CloseAsync();
        Assert.Empty(errors);
        return Record(json, lines);
    }

    private async Task<double> PeerAsync(StaticSite site, string backend, List<string> lines)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(site.Url + "/bench/peers/tfjs/index.html");
        var json = await page.EvaluateAsync<string>("([backend, steps, warmup]) => trainTfjs(backend, steps, warmup)", new object[] { backend, backend == "cpu" ? Math.Max(20, Steps / 3) : Steps, Warmup });
        await page.CloseAsync();
        return Record(json, lines);
    }

    private static double Record(string json, List<string> lines)
    {
        lines.Add(json);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.True(root.GetProperty("lastLoss").GetDouble() < root.GetProperty("firstLoss").GetDouble(), json); // it trained
        return root.GetProperty("samplesPerSecond").GetDouble();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LrLab.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("LrLab.sln not found");
    }
}
