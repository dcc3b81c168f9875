using Bunit;
using LrLab.Web.Interop;
using LrLab.Web.Tests.Fakes;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LrLab.Web.Tests.Schedules;

public sealed class SchedulesPageTests : BunitContext
{
    private readonly RecordingCanvas _canvas = new();
    private readonly FakeClipboard _clipboard = new();

    public SchedulesPageTests()
    {
        Services.AddSingleton<ICanvasInterop>(_canvas);
        Services.AddSingleton<IClipboard>(_clipboard);
    }

    private IRenderedComponent<LrLab.Web.Pages.Schedules> Open(string url = "schedules")
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return Render<LrLab.Web.Pages.Schedules>();
    }

    private string Query => Uri.UnescapeDataString(new Uri(Services.GetRequiredService<NavigationManager>().Uri).Query);

    [Fact]
    public void Shows_chart_code_and_spec_of_the_default_schedule()
    {
        var page = Open();
        Assert.NotNull(page.Find("canvas[data-testid=schedule-chart]"));
        Assert.Contains("torch.optim.lr_scheduler.SequentialLR(optimizer", page.Find("[data-testid=schedule-code]").TextContent, StringComparison.Ordinal);
        Assert.StartsWith("SequentialLR(", page.Find("[data-testid=schedule-spec]").GetAttribute("value"), StringComparison.Ordinal);
        Assert.Equal(6, page.FindAll("button.preset").Count);
    }

    [Fact]
    public void Picking_a_scheduler_shows_its_fields_and_writes_the_spec_and_url()
    {
        var page = Open();
        page.Find("[data-testid=scheduler-select]").Change("StepLR");
        Assert.Equal(["step_size", "gamma"], page.FindAll("[data-field]").Select(e => e.GetAttribute("data-field")));
        page.Find("[data-field=step_size]").Change("7");
        Assert.Equal("StepLR(step_size=7)", page.Find("[data-testid=schedule-spec]").GetAttribute("value"));
        Assert.Contains("schedule=StepLR(step_size=7)", Query, StringComparison.Ordinal);
        Assert.Contains("step_size=7", page.Find("[data-testid=schedule-code]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Typing_a_spec_fills_the_form()
    {
        var page = Open();
        page.Find("[data-testid=schedule-spec]").Input("CosineAnnealingWarmRestarts(T_0=5, T_mult=2)");
        Assert.Equal("CosineAnnealingWarmRestarts", page.Find("[data-testid=scheduler-select]").GetAttribute("value"));
        Assert.Equal("5", page.Find("[data-field=T_0]").GetAttribute("value"));
        Assert.Equal("2", page.Find("[data-field=T_mult]").GetAttribute("value"));
    }

    [Fact]
    public void A_bad_spec_shows_the_message_with_a_caret_at_the_column()
    {
        var page = Open();
        page.Find("[data-testid=schedule-spec]").Input("StepLR(step_size=3, gama=0.5)");
        var error = page.Find("[data-testid=schedule-error]");
        Assert.Contains("gama", error.TextContent, StringComparison.Ordinal);
        Assert.Contains("column 21", error.TextContent, StringComparison.Ordinal);
        var caretLine = error.QuerySelector("pre")!.TextContent.Split('\n')[1];
        Assert.Equal(20, caretLine.IndexOf('^', StringComparison.Ordinal));
        Assert.Equal("true", page.Find("[data-testid=schedule-spec]").GetAttribute("aria-invalid"));
    }

    [Fact]
    public void A_preset_button_loads_the_preset_and_is_marked_pressed()
    {
        var page = Open();
        page.Find("button[data-preset=step-decay]").Click();
        Assert.Equal("true", page.Find("button[data-preset=step-decay]").GetAttribute("aria-pressed"));
        Assert.Equal("MultiStepLR(milestones=[30, 60])", page.Find("[data-testid=schedule-spec]").GetAttribute("value"));
        Assert.Contains("first update 0.01", page.Find("[data-testid=schedule-stats]").TextContent, StringComparison.Ordinal);
        Assert.Contains("lowest 0.0001", page.Find("[data-testid=schedule-stats]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_url_sets_the_schedule_and_bad_urls_are_reported()
    {
        var page = Open("schedules?schedule=" + Uri.EscapeDataString("ExponentialLR(gamma=0.5)") + "&lr=0.2");
        Assert.Equal("ExponentialLR(gamma=0.5)", page.Find("[data-testid=schedule-spec]").GetAttribute("value"));
        Assert.Equal("0.2", page.Find("[data-testid=base-lr]").GetAttribute("value"));
        Assert.Empty(page.FindAll("[data-testid=url-problem]"));
        Assert.Contains("lab?schedule=ExponentialLR", page.Find("[data-testid=use-in-lab]").GetAttribute("href"), StringComparison.Ordinal);

        var bad = Open("schedules?schedule=" + Uri.EscapeDataString("Nope(1)"));
        Assert.Contains("Nope", bad.Find("[data-testid=url-problem]").TextContent, StringComparison.Ordinal);
        Assert.StartsWith("SequentialLR(", bad.Find("[data-testid=schedule-spec]").GetAttribute("value"), StringComparison.Ordinal);
    }

    [Fact]
    public void Copy_puts_the_code_on_the_clipboard_and_says_so()
    {
        var page = Open();
        page.Find("[data-testid=copy-code]").Click();
        Assert.Single(_clipboard.Copied);
        Assert.Contains("scheduler = torch.optim.lr_scheduler.", _clipboard.Copied[0], StringComparison.Ordinal);
        Assert.Equal("Copied", page.Find(".copied").TextContent);
    }

    [Fact]
    public void Downloads_are_data_links_with_file_names()
    {
        var page = Open();
        Assert.StartsWith("data:image/svg+xml", page.Find("[data-testid=download-svg]").GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal("schedule.csv", page.Find("[data-testid=download-csv]").GetAttribute("download"));
        Assert.Contains(Uri.EscapeDataString("step,lr"), page.Find("[data-testid=download-csv]").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void Log_axis_toggle_switches_the_chart_model()
    {
        var page = Open();
        page.Find("[data-testid=log-axis]").Change(true);
        Assert.True(page.Instance.Designer.LogAxis);
    }
}
