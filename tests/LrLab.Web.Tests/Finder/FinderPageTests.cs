using Bunit;
using LrLab.Web.Finder;
using LrLab.Web.Interop;
using LrLab.Web.Tests.Fakes;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LrLab.Web.Tests.Finder;

public sealed class FinderPageTests : BunitContext
{
    private readonly SurfaceFinderModel _model = new();

    public FinderPageTests()
    {
        Services.AddSingleton<ICanvasInterop>(new RecordingCanvas());
        Services.AddSingleton<IFinderModel>(_model);
    }

    private IRenderedComponent<Pages.Finder> Open(string url = "finder")
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return Render<Pages.Finder>();
    }

    [Fact]
    public void Running_the_test_shows_the_suggested_rate_and_the_regions()
    {
        var page = Open();
        page.Find("[data-testid=finder-run]").Click();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=suggested-lr]")), TimeSpan.FromSeconds(20));
        var rate = double.Parse(page.Find("[data-testid=suggested-lr]").TextContent, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(rate, 1e-4, 10);
        Assert.Contains("best", page.Find(".regions").TextContent, StringComparison.Ordinal);
        Assert.Equal("Run the range test", page.Find("[data-testid=finder-run]").TextContent.Trim());
        Assert.StartsWith("Range test done", page.Find("[data-testid=finder-status]").TextContent, StringComparison.Ordinal);
        Assert.Equal(1, _model.Loads);
    }

    [Fact]
    public void Train_with_this_rate_lists_three_runs()
    {
        var page = Open();
        page.Find("[data-testid=finder-run]").Click();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=train-suggested]")), TimeSpan.FromSeconds(20));

        page.Find("[data-testid=train-suggested]").Click();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("table.runs tbody tr").Count), TimeSpan.FromSeconds(30));
        page.WaitForAssertion(() => Assert.StartsWith("Trained", page.Find("[data-testid=finder-status]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.NotEmpty(page.FindAll("[data-testid=comparison-chart]"));
    }

    [Fact]
    public void The_url_chooses_the_optimizer()
    {
        var page = Open("finder?optimizer=adam");
        Assert.Equal("adam", page.Find("[data-testid=optimizer-select]").GetAttribute("value"));
        Assert.Contains("0.0001, 0.001, 0.01", page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".problem"));
    }

    [Fact]
    public void A_bad_url_value_is_reported_and_replaced()
    {
        var page = Open("finder?optimizer=adamax");
        Assert.Equal("sgd", page.Find("[data-testid=optimizer-select]").GetAttribute("value"));
        Assert.Contains("adamax", page.Find(".problem").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Choosing_an_optimizer_updates_the_url()
    {
        var page = Open();
        page.Find("[data-testid=optimizer-select]").Change("momentum");
        Assert.EndsWith("finder?optimizer=momentum", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".problem"));
    }

    [Fact]
    public void Changing_a_setting_updates_the_url_the_lead_and_the_test()
    {
        var page = Open();
        page.Find("[data-testid=finder-end]").Change("0.01");
        page.Find("[data-testid=finder-iters]").Change("40");
        page.Find("[data-testid=finder-mode]").Change("linear");
        page.Find("[data-testid=finder-seed]").Change("5");

        Assert.EndsWith("finder?optimizer=sgd&end=0.01&iters=40&mode=linear&seed=5", Uri, StringComparison.Ordinal);
        var lead = page.Find("[data-testid=finder-lead]").TextContent;
        Assert.Contains("40 mini-batches", lead, StringComparison.Ordinal);
        Assert.Contains("from 10⁻⁷ to 0.01", lead, StringComparison.Ordinal);
        Assert.Contains("raised by the same amount", lead, StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".field-error"));

        page.Find("[data-testid=finder-run]").Click();

        page.WaitForAssertion(() => Assert.EndsWith("40 mini-batches.", page.Find("[data-testid=finder-status]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.Equal(("sgd", 5, 64), _model.Created[^1]);
        Assert.Contains("All 40 mini-batches ran", page.Find(".result").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_value_shows_a_message_by_its_box_and_the_test_runs_with_the_last_valid_values()
    {
        var page = Open();
        page.Find("[data-testid=finder-end]").Change("0.01");
        var before = Uri;

        page.Find("[data-testid=finder-iters]").Change("5");

        var error = page.Find("[data-testid=finder-iters] ~ .field-error");
        Assert.Equal("Mini-batches: '5' is not a whole number from 10 to 1000; the test uses 100.", error.TextContent);
        Assert.Equal("true", page.Find("[data-testid=finder-iters]").GetAttribute("aria-invalid"));
        Assert.Equal("5", page.Find("[data-testid=finder-iters]").GetAttribute("value"));
        Assert.Single(page.FindAll(".field-error"));
        Assert.Equal(before, Uri);
        Assert.Contains("100 mini-batches", page.Find("[data-testid=finder-lead]").TextContent, StringComparison.Ordinal);
        Assert.False(page.Find("[data-testid=finder-run]").HasAttribute("disabled"));

        page.Find("[data-testid=finder-run]").Click();

        page.WaitForAssertion(() => Assert.EndsWith("100 mini-batches.", page.Find("[data-testid=finder-status]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.NotEmpty(page.FindAll("[data-testid=suggested-lr]"));
    }

    [Fact]
    public void A_start_above_the_end_is_refused_by_name()
    {
        var page = Open();
        page.Find("[data-testid=finder-start]").Change("50");
        Assert.StartsWith("Start rate: '50' is not below the end rate (10)", page.Find("[data-testid=finder-start] ~ .field-error").TextContent, StringComparison.Ordinal);
        Assert.Contains("from 10⁻⁷ to 10", page.Find("[data-testid=finder-lead]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_url_fills_the_boxes_opens_them_and_the_test_uses_them()
    {
        var page = Open("finder?optimizer=adam&start=1e-5&end=1&iters=40&mode=linear&batch=16&seed=3");

        string[] boxes = ["start", "end", "iters", "batch", "seed"];
        Assert.Equal(["1e-5", "1", "40", "16", "3"], boxes.Select(k => page.Find($"[data-testid=finder-{k}]").GetAttribute("value")));
        Assert.Equal("linear", page.Find("[data-testid=finder-mode]").GetAttribute("value"));
        Assert.True(page.Find("[data-testid=finder-settings]").HasAttribute("open"));
        Assert.Empty(page.FindAll(".problem"));
        Assert.Contains("16 per mini-batch", page.Find("[data-testid=finder-lead]").TextContent, StringComparison.Ordinal);

        page.Find("[data-testid=finder-run]").Click();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=suggested-lr]")), TimeSpan.FromSeconds(20));
        Assert.Equal(("adam", 3, 16), _model.Created[^1]);

        // A setting changed after the test: the result says it is the last test's, and the URL keeps the rest.
        page.Find("[data-testid=finder-batch]").Change("32");
        Assert.Contains("batch 16", page.Find("[data-testid=finder-stale]").TextContent, StringComparison.Ordinal);
        Assert.EndsWith("finder?optimizer=adam&start=1e-5&end=1&iters=40&mode=linear&batch=32&seed=3", Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_link_keeps_the_settings_folded()
    {
        var page = Open("finder?optimizer=adam");
        Assert.False(page.Find("[data-testid=finder-settings]").HasAttribute("open"));
        Assert.Contains("10⁻⁷ → 10, 100 mini-batches, exponential, batch 64, seed 0", page.Find("[data-testid=finder-settings] summary").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("finder?iters=5000", "iters: '5000'", "iters", "100")]
    [InlineData("finder?start=abc", "start: 'abc'", "start", "1e-7")]
    [InlineData("finder?end=0", "end: '0'", "end", "10")]
    [InlineData("finder?batch=-2", "batch: '-2'", "batch", "64")]
    [InlineData("finder?seed=x", "seed: 'x'", "seed", "0")]
    public void A_bad_url_value_is_reported_and_its_box_shows_the_default(string url, string notice, string box, string shown)
    {
        var page = Open(url);
        Assert.StartsWith(notice, page.Find(".problem").TextContent, StringComparison.Ordinal);
        Assert.Equal(shown, page.Find($"[data-testid=finder-{box}]").GetAttribute("value"));
        Assert.Empty(page.FindAll(".field-error"));
    }

    [Fact]
    public void The_boxes_are_disabled_while_a_test_runs_and_cancel_frees_them()
    {
        _model.Gate = new TaskCompletionSource();
        var page = Open();
        page.Find("[data-testid=finder-run]").Click();

        Assert.Equal("Cancel", page.Find("[data-testid=finder-run]").TextContent.Trim());
        Assert.All(page.FindAll(".settings input, .settings select, [data-testid=optimizer-select]"), e => Assert.True(e.HasAttribute("disabled"), e.Id));

        page.Find("[data-testid=finder-run]").Click();
        _model.Gate.SetResult();

        page.WaitForAssertion(() => Assert.Contains("ancelled", page.Find("[data-testid=finder-status]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.All(page.FindAll(".settings input, .settings select"), e => Assert.False(e.HasAttribute("disabled"), e.Id));
    }

    [Fact]
    public void Every_box_has_a_label()
    {
        var page = Open();
        foreach (var input in page.FindAll(".settings input, .settings select"))
        {
            Assert.Single(page.FindAll($"label[for={input.Id}]"));
        }

        Assert.Equal(6, page.FindAll(".settings label").Count);
    }

    [Fact]
    public void A_linear_ramp_over_many_decades_gets_a_warning_by_the_ramp_box()
    {
        var page = Open();
        Assert.Equal("how the rate grows per batch", page.Find("#finder-mode-hint").TextContent);
        page.Find("[data-testid=finder-mode]").Change("linear");
        Assert.StartsWith("linear: nearly every batch sits in the top decade", page.Find("#finder-mode-hint").TextContent, StringComparison.Ordinal);
        page.Find("[data-testid=finder-start]").Change("0.01");
        Assert.Equal("how the rate grows per batch", page.Find("#finder-mode-hint").TextContent);
    }

    private string Uri => Services.GetRequiredService<NavigationManager>().Uri;
}
