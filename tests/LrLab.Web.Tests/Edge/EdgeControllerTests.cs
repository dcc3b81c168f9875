using Bunit;
using LrLab.Web.Digits;
using LrLab.Web.Edge;
using LrLab.Web.Interop;
using LrLab.Web.Tests.Fakes;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LrLab.Web.Tests.Edge;

public sealed class EdgeControllerTests : BunitContext
{
    private readonly TinyDigits _digits = new();

    public EdgeControllerTests()
    {
        Services.AddSingleton<ICanvasInterop>(new RecordingCanvas());
        Services.AddSingleton<IDigitData>(_digits);
    }

    [Fact]
    public async Task A_run_trains_every_rate_and_measures_the_sharpness_on_schedule()
    {
        using var controller = new EdgeController(_digits, () => Task.CompletedTask);
        controller.Settings = new EdgeSettings { Rates = [0.1, 0.5], Samples = 100, Steps = 12 };
        await controller.RunAsync();

        Assert.False(controller.IsBusy);
        Assert.Equal(1.0, controller.Progress);
        Assert.StartsWith("Done: 12 steps", controller.Status, StringComparison.Ordinal);
        Assert.Equal(2, controller.Runs.Count);
        foreach (var run in controller.Runs)
        {
            Assert.Equal(12, run.Steps);
            Assert.Equal([0, 5, 10], run.Sharpness.Select(p => p.Step));
            Assert.All(run.Sharpness, p => Assert.True(p.Value > 0));
            Assert.NotNull(run.Summary);
        }

        // Same initial weights for every rate: the first loss and the first sharpness agree.
        Assert.Equal(controller.Runs[0].Losses.Span[0], controller.Runs[1].Losses.Span[0]);
        Assert.Equal(controller.Runs[0].Sharpness[0].Value, controller.Runs[1].Sharpness[0].Value);
    }

    [Fact]
    public async Task Cancel_stops_between_slices()
    {
        EdgeController? controller = null;
        var slices = 0;
        controller = new EdgeController(
            _digits,
            () =>
            {
                if (++slices == 2)
                {
                    controller!.Cancel();
                }

                return Task.CompletedTask;
            },
            TimeSpan.Zero);
        controller.Settings = new EdgeSettings { Rates = [0.5], Samples = 60, Steps = 500 };
        await controller.RunAsync();
        Assert.True(controller.Cancelled);
        Assert.InRange(controller.Runs[0].Steps, 1, 10);
        Assert.StartsWith("Cancelled", controller.Status, StringComparison.Ordinal);
        controller.Dispose();
    }

    [Fact]
    public void Page_runs_and_writes_one_summary_per_rate()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("edge?rates=0.2,0.6&samples=80&steps=10");
        var page = Render<Pages.Edge>();
        Assert.Equal("0.2,0.6", page.Find("#edge-rates").GetAttribute("value"));
        page.Find("[data-testid=edge-run]").Click();
        page.WaitForAssertion(() => Assert.StartsWith("Done", page.Find("[data-testid=edge-status]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        var summaries = page.FindAll("[data-testid=edge-summary]").Select(e => e.TextContent).ToArray();
        Assert.Equal(2, summaries.Length);
        Assert.StartsWith("η = 0.2 (2/η = 10)", summaries[0], StringComparison.Ordinal);
        Assert.StartsWith("η = 0.6 (2/η = 3.33)", summaries[1], StringComparison.Ordinal);
        Assert.All(summaries, s => Assert.Contains("× 2/η", s, StringComparison.Ordinal));
        Assert.Equal(1, _digits.Loads);
    }

    [Fact]
    public void Bad_rates_typed_in_the_form_disable_run_and_say_why()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("edge");
        var page = Render<Pages.Edge>();
        page.Find("#edge-rates").Change("0.5,x");
        Assert.Contains("'x' is not a rate", page.Find(".field-problem").TextContent, StringComparison.Ordinal);
        Assert.True(page.Find("[data-testid=edge-run]").HasAttribute("disabled"));
        page.Find("#edge-rates").Change("0.5,1");
        Assert.False(page.Find("[data-testid=edge-run]").HasAttribute("disabled"));
        Assert.EndsWith("edge?rates=0.5,1&samples=500&steps=100", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }
}
