using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LrLab.E2E;

/// <summary>A fact that only runs when LRLAB_BENCH=1 (./test.sh skips it; timings are not assertions of correctness).</summary>
public sealed class BenchmarkFactAttribute : FactAttribute
{
    public BenchmarkFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("LRLAB_BENCH") != "1")
        {
            Skip = "benchmark: set LRLAB_BENCH=1 to run";
        }
    }
}

[Collection("browser")]
[Trait("Category", "Benchmark")]
public sealed class LabFrameRateBenchmark(BrowserFixture browser, ITestOutputHelper output)
{
    // Drags the slider one position per animation frame across a race of 4 rates × 500 steps on the
    // ravine, after the race has finished (so each frame re-simulates the dragged run and redraws all
    // four trails, curves and readouts), and reports frame intervals measured with requestAnimationFrame.
    private const string Drag = """
        async (frames) => {
          const slider = document.querySelector('[data-testid=lr-slider]');
          const times = [];
          const work = [];
          await new Promise(resolve => {
            let i = 0;
            function frame(t) {
              times.push(t);
              if (i >= frames) { resolve(); return; }
              const v = -2.6 + 0.4 * Math.sin(i / 15);
              slider.value = v.toFixed(3);
              const t0 = performance.now();
              slider.dispatchEvent(new Event('input', { bubbles: true }));
              work.push(performance.now() - t0);
              i++;
              requestAnimationFrame(frame);
            }
            requestAnimationFrame(frame);
          });
          const intervals = times.slice(2).map((t, k) => t - times[k + 1]).sort((a, b) => a - b);
          work.sort((a, b) => a - b);
          const q = (a, p) => a[Math.min(a.length - 1, Math.floor(p * a.length))];
          return [q(intervals, 0.5), q(intervals, 0.9), q(work, 0.5), q(work, 0.9), intervals.length];
        }
        """;

    [BenchmarkFact]
    public Task Slider_drag_with_four_raced_runs_of_500_steps_on_the_ravine()
        => DragAsync("/lab?surface=ravine&lr=0.01&compare=0.01,0.02,0.03,0.039&steps=500", "sgd, finished race", midRun: false);

    // The same race with line search: each move re-runs a search per update. Finished, no trials are left to draw;
    // paused half-way, every frame also draws the next update's trials of all four runs (and the move continues the
    // dragged run from the current point).
    [BenchmarkFact]
    public Task Slider_drag_with_four_raced_line_searches_of_500_steps_on_the_ravine()
        => DragAsync("/lab?surface=ravine&optimizer=linesearch&lr=0.01&compare=0.01,0.02,0.03,0.039&steps=500", "linesearch, finished race", midRun: false);

    [BenchmarkFact]
    public Task Slider_drag_mid_run_with_four_raced_line_searches_showing_their_trials()
        => DragAsync("/lab?surface=ravine&optimizer=linesearch&lr=0.01&compare=0.01,0.02,0.03,0.039&steps=500", "linesearch, paused mid-run with trials", midRun: true);

    // A race that mixes optimizers (sgd, momentum, Adam, line search): the slider drives the sgd run; each frame redraws
    // all four, including the line search's path.
    [BenchmarkFact]
    public Task Slider_drag_with_four_raced_optimizers_of_500_steps_on_the_ravine()
        => DragAsync("/lab?surface=ravine&optimizer=sgd&lr=0.01&race=sgd:0.01,momentum:0.01,adam:0.1,linesearch:0.05&steps=500", "mixed optimizers, finished race", midRun: false);

    private async Task DragAsync(string path, string label, bool midRun)
    {
        var (page, errors) = await browser.OpenAsync(path);
        await page.Locator("[data-testid=verdict]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        if (midRun)
        {
            await page.Locator("[data-testid=speed-select]").SelectOptionAsync("600");
            await page.Locator("[data-testid=play]").ClickAsync();
            await page.WaitForFunctionAsync("() => +document.querySelector('[data-testid=step-count]').textContent >= 250");
            await page.Locator("[data-testid=play]").ClickAsync();
            var shown = int.Parse(await page.Locator("[data-testid=step-count]").InnerTextAsync(), CultureInfo.InvariantCulture);
            Assert.InRange(shown, 250, 499);
        }
        else
        {
            await page.Locator("[data-testid=run-to-end]").ClickAsync();
            Assert.Equal("500", await page.Locator("[data-testid=step-count]").InnerTextAsync());
        }

        Assert.Equal(4, await page.Locator("[data-testid=legend-item]").CountAsync());

        await page.EvaluateAsync<double[]>(Drag, 60); // warm-up: the interpreter's first calls are slower
        var r = await page.EvaluateAsync<double[]>(Drag, 300);
        var line = string.Create(CultureInfo.InvariantCulture, $"{label}: frame interval median {r[0]:F1} ms, p90 {r[1]:F1} ms; input→rendered work median {r[2]:F1} ms, p90 {r[3]:F1} ms over {r[4]} frames");
        output.WriteLine(line);
        await File.AppendAllTextAsync(Path.Combine(Path.GetDirectoryName(BrowserFixture.ScreenshotPath("x"))!, "lab-frame-rate.txt"), line + Environment.NewLine);
        Assert.Empty(errors);
        Assert.True(r[0] > 0);
    }

    [BenchmarkFact]
    public async Task Lab_is_interactive_soon_after_navigation()
    {
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var page = await browser.NewPageAsync();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await page.GotoAsync(browser.Site.Url + "/lab?surface=bowl&lr=0.05");
            await page.Locator("[data-testid=verdict]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
            await page.Locator("[data-testid=step]").ClickAsync();
            await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=step-count]').textContent === '1'");
            times.Add(clock.Elapsed.TotalMilliseconds);
            await page.CloseAsync();
        }

        times.Sort();
        var line = string.Create(CultureInfo.InvariantCulture, $"navigation to first answered click: median {times[2]:F0} ms, min {times[0]:F0} ms, max {times[4]:F0} ms over 5 cold page loads");
        output.WriteLine(line);
        await File.AppendAllTextAsync(Path.Combine(Path.GetDirectoryName(BrowserFixture.ScreenshotPath("x"))!, "lab-frame-rate.txt"), line + Environment.NewLine);
        Assert.Equal(5, times.Count);
    }
}
