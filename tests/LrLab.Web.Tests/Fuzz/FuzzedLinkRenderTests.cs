using AngleSharp.Dom;
using Bunit;
using CsCheck;
using LrLab.Fuzz;
using LrLab.Web.Finder;
using LrLab.Web.Interop;
using LrLab.Web.Learn;
using LrLab.Web.Tests.Fakes;
using LrLab.Web.Tests.Finder;
using LrLab.Web.Tests.Learn;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LrLab.Web.Tests.Fuzz;

/// <summary>
/// Fuzzed links rendered as whole pages: each renders without an exception, names every bad key on the page, and shows
/// markup from the link as text (no element, no event-handler attribute comes from it). The model-level targets run
/// 10,000 cases each (<see cref="FuzzTargetTests"/>); rendering is slower, so 50–100 links per page here.
/// </summary>
public sealed class FuzzedLinkRenderTests : BunitContext
{
    private const int Links = 100;

    public FuzzedLinkRenderTests()
    {
        Services.AddSingleton<ICanvasInterop>(new RecordingCanvas());
        Services.AddSingleton<IBrowserInterop>(new FakeBrowser());
        Services.AddSingleton<IChartExport>(new FakeChartExport());
        Services.AddSingleton<IClipboard>(new FakeClipboard());
        Services.AddSingleton<IFinderModel>(new SurfaceFinderModel());
        Services.AddSingleton<IBrowserStorage>(new FakeStorage());
        Services.AddSingleton<ProgressService>();
        Services.AddSingleton<LrLab.Web.Digits.IDigitData>(new Learn.FakeDigits());
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public static TheoryData<string> Pages => ["lab", "schedules", "finder", "diagnose"];

    [Theory]
    [MemberData(nameof(Pages))]
    public void Fuzzed_links_render_name_their_bad_keys_and_show_markup_as_text(string page)
    {
        var keys = page switch
        {
            "lab" => LabLinkTarget.Keys,
            "schedules" => SchedulesLinkTarget.Keys,
            "finder" => FinderLinkTarget.Keys,
            _ => ["log", "lr", "junk"],
        };
        Link.Over(keys).Sample(
            link =>
            {
                var (elements, text) = Open(page + (link.Query.StartsWith('?') ? link.Query : "?" + link.Query));
                AssertInert(elements, link.Query);
                if (page != "diagnose")
                {
                    foreach (var key in link.BadKeys.Where(k => k != "junk"))
                    {
                        Assert.True(text.Contains(key, StringComparison.OrdinalIgnoreCase), $"{page}?{link.Query}: the page does not name '{key}'");
                    }
                }
            },
            iter: page == "lab" ? Links / 2 : Links,
            threads: 1);
    }

    [Fact]
    public void Fuzzed_lesson_paths_render_a_lesson_or_say_there_is_none()
    {
        Gen.Frequency((1, Gen.OneOf<string>([.. Course.Lessons.Select(l => l.Slug)])), (3, Hostile.Value)).Sample(
            slug =>
            {
                var cut = Render<Pages.Lesson>(p => p.Add(l => l.Slug, slug));
                AssertInert(Elements(cut.Nodes), slug);
                Assert.NotEmpty(cut.FindAll("h1"));
                DisposeComponentsAsync().GetAwaiter().GetResult();
            },
            iter: Links,
            threads: 1);
    }

    // The page's rendered body; markup from the link must not have become elements or handlers.
    private (List<IElement> Elements, string Text) Open(string url)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        IRenderedComponent<IComponent> cut = url.Split('?')[0] switch
        {
            "lab" => Render<Pages.Lab>(),
            "finder" => Render<Pages.Finder>(),
            "diagnose" => Render<Pages.Diagnose>(),
            _ => Render<Pages.Schedules>(),
        };
        var result = (Elements(cut.Nodes), string.Concat(cut.Nodes.Select(n => n.TextContent)));
        DisposeComponentsAsync().GetAwaiter().GetResult();
        return result;
    }

    private static List<IElement> Elements(INodeList nodes) =>
        [.. nodes.OfType<IElement>().SelectMany(e => e.QuerySelectorAll("*").Prepend(e))];

    private static void AssertInert(List<IElement> elements, string input)
    {
        Assert.DoesNotContain(elements, e => e.LocalName is "script" or "iframe" or "object" or "embed" || (e.LocalName == "img" && e.GetAttribute("src") == "x"));
        foreach (var element in elements)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{input}: <{element.LocalName} {attribute.Name}> came from the link");
                Assert.False(attribute.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase), $"{input}: a javascript: link came from the link");
            }
        }
    }
}
