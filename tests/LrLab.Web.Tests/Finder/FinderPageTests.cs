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
}
