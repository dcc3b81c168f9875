using Bunit;
using LrLab.Web.Finder;
using LrLab.Web.Interop;
using LrLab.Web.Lab;
using LrLab.Web.Learn;
using LrLab.Web.Tests.Fakes;
using LrLab.Web.Tests.Learn;
using LrLab.Web.Url;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using LessonPage = LrLab.Web.Pages.Lesson;

namespace LrLab.Web.Tests.Url;

/// <summary>Every page reads numbers in its link alike: 1e+0, 1E-3 and .5 (issue 13 found /lab refusing lr=1e+0 the finder took).</summary>
public sealed class QueryNumbersTests : BunitContext
{
    public QueryNumbersTests()
    {
        Services.AddSingleton<ICanvasInterop>(new RecordingCanvas());
        Services.AddSingleton<IBrowserInterop>(new FakeBrowser());
        Services.AddSingleton<IClipboard>(new FakeClipboard());
        Services.AddSingleton<IChartExport>(new FakeChartExport());
        Services.AddSingleton<IBrowserStorage>(new FakeStorage());
        Services.AddSingleton<ProgressService>();
    }

    // The text in the link and the number every page must read from it.
    public static TheoryData<string, double> Spellings => new()
    {
        { "1e+0", 1 },
        { "1E-3", 0.001 },
        { ".5", 0.5 },
        { "5e-1", 0.5 },
        { "%2E5", 0.5 },
        { "1e%2B0", 1 },
        { " 0.25 ", 0.25 },
    };

    [Theory]
    [MemberData(nameof(Spellings))]
    public void The_reader_reads_each_spelling(string text, double expected)
    {
        var notices = new List<string>();
        Assert.Equal(expected, QueryReader.Parse("?lr=" + text).Number("lr", 0, 10, notices));
        Assert.Empty(notices);
    }

    [Theory]
    [MemberData(nameof(Spellings))]
    public void Lab(string text, double expected)
    {
        var (state, notices) = LabUrl.Parse("?surface=bowl&lr=" + text);
        Assert.Empty(notices);
        Assert.Equal(expected, state.Lr);
    }

    [Theory]
    [MemberData(nameof(Spellings))]
    public void Lab_compare_and_race(string text, double expected)
    {
        var (compare, n1) = LabUrl.Parse("?compare=0.01," + text);
        Assert.Empty(n1);
        Assert.Contains(expected, compare.Compare);
        var (race, n2) = LabUrl.Parse("?race=sgd:0.01,adam:" + text);
        Assert.Empty(n2);
        Assert.Contains(race.Race, r => r.Optimizer == "adam" && r.Lr == expected);
    }

    [Theory]
    [MemberData(nameof(Spellings))]
    public void Finder(string text, double expected)
    {
        var (settings, notices) = FinderUrl.Parse("?optimizer=sgd&end=" + text);
        Assert.Empty(notices);
        Assert.Equal(expected, settings.EndLr);
    }

    [Theory]
    [MemberData(nameof(Spellings))]
    public void Edge(string text, double expected)
    {
        var (settings, notices) = LrLab.Web.Edge.EdgeUrl.Parse("?rates=" + text);
        Assert.Empty(notices);
        Assert.Equal([expected], settings.Rates);
    }

    [Theory]
    [MemberData(nameof(Spellings))]
    public void Schedules(string text, double expected)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("schedules?lr=" + text);
        var page = Render<LrLab.Web.Pages.Schedules>();
        Assert.Null(page.Instance.Designer.UrlProblem);
        Assert.Equal(expected, page.Instance.Designer.BaseLr);
    }

    [Theory]
    [MemberData(nameof(Spellings))]
    public void Diagnose(string text, double expected)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("diagnose?lr=" + text);
        var page = Render<LrLab.Web.Pages.Diagnose>();
        Assert.Empty(page.FindAll("[data-testid=url-notice]"));
        Assert.Equal(expected, double.Parse(page.Instance.Session.Lr, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(Spellings))]
    public void Lesson(string text, double expected)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("learn/too-large?lr=" + text);
        var page = Render<LessonPage>(p => p.Add(l => l.Slug, "too-large"));
        Assert.Empty(page.FindAll("[data-testid=url-notice]"));
        Assert.Equal(expected, page.FindComponent<LrLab.Web.Components.Learn.LessonWidget>().Instance.Preset.Lr);
    }

    [Fact]
    public void A_bad_value_is_named_on_each_page_and_the_default_stays()
    {
        var (lab, labNotices) = LabUrl.Parse("?lr=fast");
        Assert.Equal(new LabState().Lr, lab.Lr);
        Assert.StartsWith("lr: 'fast'", Assert.Single(labNotices), StringComparison.Ordinal);

        var (finder, finderNotices) = FinderUrl.Parse("?end=fast");
        Assert.Equal(new FinderSettings().EndLr, finder.EndLr);
        Assert.StartsWith("end: 'fast'", Assert.Single(finderNotices), StringComparison.Ordinal);

        var nav = Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo("schedules?lr=fast");
        var schedules = Render<LrLab.Web.Pages.Schedules>();
        Assert.Contains("lr 'fast'", schedules.Instance.Designer.UrlProblem, StringComparison.Ordinal);
        Assert.Equal(LrLab.Web.Designer.ScheduleDesigner.DefaultLr, schedules.Instance.Designer.BaseLr);

        nav.NavigateTo("diagnose?lr=fast");
        var diagnose = Render<LrLab.Web.Pages.Diagnose>();
        Assert.Contains("lr: 'fast'", diagnose.Find("[data-testid=url-notice]").TextContent, StringComparison.Ordinal);
        Assert.Equal(string.Empty, diagnose.Instance.Session.Lr);

        nav.NavigateTo("learn/too-large?lr=fast");
        var lesson = Render<LessonPage>(p => p.Add(l => l.Slug, "too-large"));
        Assert.Contains("lr: 'fast'", lesson.Find("[data-testid=url-notice]").TextContent, StringComparison.Ordinal);
        Assert.Equal(Course.Find("too-large")!.Widget.Lr, lesson.FindComponent<LrLab.Web.Components.Learn.LessonWidget>().Instance.Preset.Lr);
    }
}
