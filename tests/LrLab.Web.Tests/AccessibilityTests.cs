using AngleSharp.Dom;
using Bunit;
using LrLab.Web.Finder;
using LrLab.Web.Interop;
using LrLab.Web.Layout;
using LrLab.Web.Learn;
using LrLab.Web.Tests.Fakes;
using LrLab.Web.Tests.Finder;
using LrLab.Web.Tests.Learn;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace LrLab.Web.Tests;

/// <summary>
/// Pins what the accessibility audit (tools/a11y_audit.mjs, docs/accessibility.md) found or checked:
/// every form control has a name a screen reader can say, every canvas says what it shows, the
/// scrolling tables can be reached by keyboard, and the skip link stays on the page.
/// </summary>
public sealed class AccessibilityTests : BunitContext
{
    private readonly SurfaceFinderModel _finder = new();
    private readonly FakeBrowser _browser = new();

    public AccessibilityTests()
    {
        Services.AddSingleton<ICanvasInterop>(new RecordingCanvas());
        Services.AddSingleton<IBrowserInterop>(_browser);
        Services.AddSingleton<IChartExport>(new FakeChartExport());
        Services.AddSingleton<IClipboard>(new FakeClipboard());
        Services.AddSingleton<IFinderModel>(_finder);
        Services.AddSingleton<LrLab.Web.Digits.IDigitData>(new Learn.FakeDigits());
        Services.AddSingleton<IBrowserStorage>(new FakeStorage());
        Services.AddSingleton<ProgressService>();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private Page Open(string page)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(page);
        return page.Split('?')[0] switch
        {
            "lab" => Page.Of(Render<Pages.Lab>()),
            "finder" => Page.Of(Render<Pages.Finder>()),
            "edge" => Page.Of(Render<Pages.Edge>()),
            "diagnose" => Page.Of(Render<Pages.Diagnose>()),
            "schedules" => Page.Of(Render<Pages.Schedules>()),
            var lesson when lesson.StartsWith("learn/", StringComparison.Ordinal)
                => Page.Of(Render<Pages.Lesson>(p => p.Add(l => l.Slug, lesson["learn/".Length..]))),
            _ => throw new ArgumentException(page, nameof(page)),
        };
    }

    public static TheoryData<string> Pages => new()
    {
        "lab",
        "lab?surface=ravine&compare=0.01,0.03",
        "lab?optimizer=linesearch",
        "lab?optimizer=adam",
        "lab?surface=ravine&race=sgd:0.03,momentum:0.01,adam:0.1,linesearch:0.05",
        "finder",
        "edge",
        "diagnose",
        "schedules",
        "learn/too-small",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_form_control_has_an_accessible_name(string page)
    {
        var cut = Open(page);
        var controls = cut.FindAll("input:not([type=hidden]), select, textarea, button");
        Assert.NotEmpty(controls);
        var nameless = controls.Where(c => string.IsNullOrWhiteSpace(AccessibleName(c, cut.Root)))
            .Select(c => c.OuterHtml[..Math.Min(120, c.OuterHtml.Length)]).ToList();
        Assert.Empty(nameless);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_canvas_is_an_image_with_a_description(string page)
    {
        var cut = Open(page);
        foreach (var canvas in cut.FindAll("canvas"))
        {
            Assert.Equal("img", canvas.GetAttribute("role"));
            Assert.True((canvas.GetAttribute("aria-label") ?? string.Empty).Length >= 12, canvas.OuterHtml);
        }
    }

    [Fact]
    public void The_surface_canvas_names_the_surface_and_the_runs()
    {
        var cut = Open("lab?surface=ravine&compare=0.01,0.03");
        var label = cut.Find("[data-testid=surface-canvas]").GetAttribute("aria-label");
        Assert.Contains("ravine", label, StringComparison.Ordinal);
        Assert.Contains("2 run", label, StringComparison.Ordinal);
    }

    [Fact]
    public void Raced_lines_on_the_loss_chart_carry_their_rate_as_text()
    {
        // The loss chart has no legend of its own (the race list is the legend); a reader who cannot
        // tell the Okabe–Ito colours apart reads the rate at the end of each line instead.
        var canvas = (RecordingCanvas)Services.GetRequiredService<ICanvasInterop>();
        var page = Open("lab?surface=bowl&lr=0.05&compare=0.3,0.6");
        var chart = page.Find("[data-testid=loss-chart]").Id!;
        var texts = canvas.Texts.GetValueOrDefault(chart) ?? [];
        Assert.Contains("0.05", texts);
        Assert.Contains("0.3", texts);
        Assert.Contains("0.6", texts);
    }

    [Fact]
    public void Lines_of_a_mixed_race_name_their_optimizer_too()
    {
        var canvas = (RecordingCanvas)Services.GetRequiredService<ICanvasInterop>();
        var page = Open("lab?surface=ravine&race=sgd:0.03,adam:0.1");
        var texts = canvas.Texts.GetValueOrDefault(page.Find("[data-testid=loss-chart]").Id!) ?? [];
        Assert.Contains("sgd 0.03", texts);
        Assert.Contains("adam 0.1", texts);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_home_race_does_not_animate_for_readers_who_asked_for_less_motion(bool reduced)
    {
        _browser.ReducedMotion = reduced;
        var home = Render<Pages.Home>();
        if (reduced)
        {
            // The finished race, drawn once: all 60 steps shown, nothing playing.
            home.WaitForAssertion(() => Assert.Equal("60", home.Find("[data-testid=home-race] [data-testid=step-count]").TextContent), TimeSpan.FromSeconds(10));
            Assert.Equal("false", home.Find("[data-testid=home-race] [data-testid=play]").GetAttribute("aria-pressed"));
        }
        else
        {
            home.WaitForAssertion(() => Assert.Equal("true", home.Find("[data-testid=home-race] [data-testid=play]").GetAttribute("aria-pressed")), TimeSpan.FromSeconds(10));
        }
    }

    [Fact]
    public void Ids_on_the_lab_page_are_unique()
    {
        var cut = Open("lab");
        var ids = cut.FindAll("[id]").Select(e => e.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("step-count")]
    [InlineData("current-loss")]
    public void Readouts_that_change_every_frame_are_not_announced(string testId)
    {
        // <output> is a polite live region by default: while the run plays, a screen reader would
        // read the step count thirty times a second and nothing else. The verdict panel speaks instead.
        var cut = Open("lab");
        Assert.Equal("off", cut.Find($"[data-testid={testId}]").GetAttribute("aria-live"));
        Assert.Equal("polite", cut.Find("[data-testid=verdict]").GetAttribute("aria-live"));
    }

    [Theory]
    [InlineData("learn/optimizers")]
    [InlineData("learn/line-search")]
    public void Lesson_tables_that_may_scroll_sideways_take_keyboard_focus(string page)
    {
        var tables = Open(page).FindAll(".lesson-table");
        Assert.NotEmpty(tables);
        Assert.All(tables, t => Assert.Equal("0", t.GetAttribute("tabindex")));
    }

    [Fact]
    public void The_step_panel_scrolls_by_keyboard_on_a_phone()
    {
        var cut = Open("lab?optimizer=linesearch");
        Assert.Equal("0", cut.Find("[data-testid=this-step]").GetAttribute("tabindex"));
    }

    [Fact]
    public void Skip_link_moves_focus_to_main_without_leaving_the_page()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("lab");
        var layout = Render<MainLayout>(p => p.Add(l => l.Body, b => b.AddMarkupContent(0, "<h1>The lab</h1>")));

        layout.Find("a.skip-link").Click();

        JSInterop.VerifyFocusAsyncInvoke();
        Assert.EndsWith("/lab", navigation.Uri, StringComparison.Ordinal);
        Assert.Equal("main", layout.Find("#main").TagName.ToLowerInvariant());
    }

    // The accessible-name computation, reduced to what our markup uses: aria-labelledby, aria-label,
    // a <label for>, a wrapping <label>, the button's own text, and title as the last resort.
    private static string AccessibleName(IElement control, INodeList root)
    {
        if (control.GetAttribute("aria-labelledby") is { } ids)
        {
            var text = string.Join(' ', ids.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(id => root.QuerySelector($"[id='{id}']")?.TextContent ?? string.Empty));
            if (!string.IsNullOrWhiteSpace(text))
            {
                return text;
            }
        }

        if (control.GetAttribute("aria-label") is { Length: > 0 } label)
        {
            return label;
        }

        if (control.Id is { Length: > 0 } id && root.QuerySelector($"label[for='{id}']") is { } forLabel)
        {
            return forLabel.TextContent;
        }

        if (control.Closest("label") is { } wrapping && wrapping.TextContent.Trim().Length > 0)
        {
            return wrapping.TextContent;
        }

        if (control.TagName.Equals("BUTTON", StringComparison.OrdinalIgnoreCase) && control.TextContent.Trim().Length > 0)
        {
            return control.TextContent;
        }

        return control.GetAttribute("title") ?? string.Empty;
    }

    private sealed record Page(INodeList Root, Func<string, IReadOnlyList<IElement>> FindAll)
    {
        public static Page Of<T>(IRenderedComponent<T> cut)
            where T : IComponent => new(cut.Nodes, selector => cut.FindAll(selector));

        public IElement Find(string selector) => FindAll(selector).Single();
    }
}
