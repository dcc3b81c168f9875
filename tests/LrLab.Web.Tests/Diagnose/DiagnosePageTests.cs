using Bunit;
using LrLab.Core;
using LrLab.Core.Diagnosis;
using LrLab.Web.Interop;
using LrLab.Web.LossLogs;
using LrLab.Web.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace LrLab.Web.Tests.Diagnose;

public sealed class DiagnosePageTests : BunitContext
{
    private readonly RecordingCanvas _canvas = new();

    public DiagnosePageTests() => Services.AddSingleton<ICanvasInterop>(_canvas);

    public static TheoryData<string, string, string> Examples => new()
    {
        { "practice-0.1", "just right (smooth)", "Keep lr 0.1" },
        { "practice-1.0", "too large (nan)", "Try 0.01 or 0.001." },
        { "real-too-large", "too large (plateau)", "Try 0.1 or 0.01." },
        { "real-healthy", "just right (smooth)", "Keep lr 0.1" },
        { "real-too-small", "too small (crawling)", "Try 0.01 or 0.003." },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Each_example_loads_with_one_click_and_gets_its_verdict(string id, string verdict, string suggestion)
    {
        var page = Render<LrLab.Web.Pages.Diagnose>();
        page.Find($"button[data-example='{id}']").Click();
        Assert.Equal(verdict, page.Find("[data-testid=verdict]").TextContent.Trim());
        Assert.Contains(suggestion, page.Find("[data-testid=diagnose-suggestion]").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.Find("[data-testid=diagnose-input]").GetAttribute("value") ?? string.Empty);
        Assert.NotNull(page.Find("canvas[data-testid=diagnose-chart]"));
        Assert.NotEmpty(page.FindAll(".evidence li"));
    }

    [Fact]
    public void The_input_hint_shows_one_number_per_line_not_an_escaped_entity()
    {
        var page = Render<LrLab.Web.Pages.Diagnose>();
        var hint = page.Find("[data-testid=diagnose-input]").GetAttribute("placeholder");
        Assert.Equal("0.8\n0.5\n0.4\n0.38\n0.37", hint);
    }

    [Fact]
    public void Pasting_the_lr_1_practice_problem_and_running_says_too_large()
    {
        var page = Render<LrLab.Web.Pages.Diagnose>();
        page.Find("[data-testid=diagnose-input]").Change("0.8\n1.5\n3.2\n8.7\nNaN\n");
        page.Find("#diagnose-lr").Input("1.0");
        page.Find("[data-testid=diagnose-run]").Click();
        page.WaitForElement("[data-testid=verdict]", TimeSpan.FromSeconds(10));
        Assert.Contains("too large", page.Find("[data-testid=verdict]").TextContent, StringComparison.Ordinal);
        Assert.Contains("0.01 or 0.001", page.Find("[data-testid=diagnose-suggestion]").TextContent, StringComparison.Ordinal);
        Assert.Equal("/lab?surface=bowl&optimizer=sgd&lr=0.6&steps=30", page.Find("[data-testid=diagnose-lab-link]").GetAttribute("href"));
        Assert.Contains("NaN at step 4", page.Find(".evidence").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_line_is_shown_with_its_number_and_text()
    {
        var page = Render<LrLab.Web.Pages.Diagnose>();
        page.Find("[data-testid=diagnose-input]").Change("0.8\n0.5\nzero\n");
        page.Find("[data-testid=diagnose-run]").Click();
        var error = page.WaitForElement("[data-testid=diagnose-error]", TimeSpan.FromSeconds(10));
        Assert.Contains("line 3: 'zero' is not a number", error.TextContent, StringComparison.Ordinal);
        Assert.Equal("3: zero", error.QuerySelector("pre")!.TextContent);
        Assert.Empty(page.FindAll("[data-testid=verdict]"));
    }

    [Fact]
    public void A_bad_rate_is_reported_not_thrown()
    {
        var session = new LogSession { Text = "0.8\n0.5\n0.4\n", Lr = "-1" };
        session.Run();
        Assert.Null(session.Result);
        Assert.Contains("learning rate", session.Error, StringComparison.Ordinal);
        Assert.Null(session.ErrorLine);
    }

    public static TheoryData<Verdict, Pattern, string?> Presets => new()
    {
        { Verdict.TooSmall, Pattern.Crawling, "lr=0.001" },
        { Verdict.JustRight, Pattern.Smooth, "lr=0.05" },
        { Verdict.TooLarge, Pattern.Oscillating, "lr=0.3" },
        { Verdict.TooLarge, Pattern.Diverging, "lr=0.6" },
        { Verdict.Inconclusive, Pattern.Smooth, null },
    };

    [Theory]
    [MemberData(nameof(Presets))]
    public void Lab_link_shows_the_same_pattern_on_the_bowl(Verdict verdict, Pattern pattern, string? lr)
    {
        var preset = LabPreset.For(verdict, pattern);
        if (lr is null)
        {
            Assert.Null(preset);
            return;
        }

        Assert.StartsWith("/lab?surface=bowl", preset!.Value.Href, StringComparison.Ordinal);
        Assert.Contains(lr, preset.Value.Href, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_marks_the_NaN_and_shades_the_rise()
    {
        var log = LossLogParser.Parse("0.8\n1.5\n3.2\n8.7\nnan\n");
        var model = LogChart.Build(log, Diagnoser.Diagnose(log, 1.0), logY: true);
        Assert.True(model.Y.Log);
        Assert.Contains(model.Markers, m => m.X == 4);
        Assert.Contains(model.Bands, r => r.From == 0 && r.To == 3);
    }

    [Fact]
    public void Chart_thins_a_long_log_and_adds_the_smoothed_curve()
    {
        var text = string.Join('\n', Enumerable.Range(0, 50_000).Select(i => (0.1 + (2 * Math.Exp(-i / 5000.0))).ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        var log = LossLogParser.Parse(text);
        var model = LogChart.Build(log, Diagnoser.Diagnose(log), logY: false);
        Assert.Equal(2, model.Series.Count);
        Assert.InRange(model.Series[0].Count, 3000, LogChart.MaxRawPoints);
        Assert.Equal(49_999, model.Series[0].XAt(model.Series[0].Count - 1), 1e-9);
    }
}
