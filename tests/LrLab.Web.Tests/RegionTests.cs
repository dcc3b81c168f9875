using Bunit;
using LrLab.Web.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace LrLab.Web.Tests;

/// <summary>A failing region shows one line naming it and ways back, and the rest of the page keeps working.</summary>
public sealed class RegionTests : BunitContext
{
    [Fact]
    public void A_throwing_region_shows_one_line_and_the_rest_of_the_page_stays()
    {
        var cut = Render<TwoRegions>();

        var error = cut.Find("[data-testid=region-error]");
        Assert.Equal("alert", error.GetAttribute("role"));
        Assert.StartsWith("The broken part could not be shown: the formula went away.", error.TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotNull(cut.Find("[data-testid=region-retry]"));
        Assert.NotNull(cut.Find("[data-testid=region-back]"));
        Assert.Equal("still here", cut.Find("#healthy").TextContent);
    }

    [Fact]
    public void Reload_goes_to_the_page_without_its_query()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("lab?surface=x^^2");
        var cut = Render<TwoRegions>();

        cut.Find("[data-testid=region-back]").Click();

        Assert.Equal(navigation.BaseUri + "lab", navigation.Uri);
    }

    [Fact]
    public void Messages_are_cut_to_one_short_line()
    {
        var message = Region.OneLine(new InvalidOperationException("first\nsecond " + new string('x', 300)));
        Assert.DoesNotContain('\n', message);
        Assert.True(message.Length <= 160);
        Assert.StartsWith("first second", message, StringComparison.Ordinal);
    }

    private sealed class Broken : ComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder) => throw new InvalidOperationException("the formula went away");
    }

    private sealed class TwoRegions : ComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<Region>(0);
            builder.AddComponentParameter(1, nameof(Region.Name), "The broken part");
            builder.AddComponentParameter(2, nameof(Region.ChildContent), (RenderFragment)(b =>
            {
                b.OpenComponent<Broken>(0);
                b.CloseComponent();
            }));
            builder.CloseComponent();
            builder.OpenElement(3, "p");
            builder.AddAttribute(4, "id", "healthy");
            builder.AddContent(5, "still here");
            builder.CloseElement();
        }
    }
}
