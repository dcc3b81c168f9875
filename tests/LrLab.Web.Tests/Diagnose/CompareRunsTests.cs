using Bunit;
using LrLab.Core;
using LrLab.Web.Interop;
using LrLab.Web.LossLogs;
using LrLab.Web.Tests.Fakes;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace LrLab.Web.Tests.Diagnose;

/// <summary>/diagnose with files (binary event files included) and with several runs to compare.</summary>
public sealed class CompareRunsTests : BunitContext
{
    private static readonly string _formats = Path.Combine(AppContext.BaseDirectory, "Formats");
    private readonly RecordingCanvas _canvas = new();

    public CompareRunsTests() => Services.AddSingleton<ICanvasInterop>(_canvas);

    private static LoadedFile File(string relative) =>
        new(Path.GetFileName(Path.GetDirectoryName(relative)) + "/" + Path.GetFileName(relative), System.IO.File.ReadAllBytes(Path.Combine(_formats, relative)));

    private static string[] EventFiles() =>
        [.. Directory.GetDirectories(Path.Combine(_formats, "tb-logdir")).Order(StringComparer.Ordinal)
            .Select(d => Path.GetRelativePath(_formats, Directory.GetFiles(d)[0]))];

    [Fact]
    public void Four_event_files_are_ranked_with_rates_from_their_lr_tags()
    {
        var session = new LogSession();
        session.SetFiles(EventFiles().Select(File));
        session.Run();
        Assert.Null(session.Error);
        var comparison = session.Comparison!;
        Assert.Equal(4, comparison.Runs.Count);
        Assert.Equal(0.1, comparison.Runs[0].Lr!.Value, 9);
        Assert.Equal(Verdict.JustRight, comparison.Runs[0].Verdict);
        Assert.EndsWith("0.1 was best: try 0.1–0.5", comparison.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_event_file_keeps_the_single_run_view()
    {
        var session = new LogSession();
        session.SetFiles([File(EventFiles()[2])]);
        session.Run();
        Assert.NotNull(session.Result);
        Assert.Null(session.Comparison);
        Assert.Equal(0.1, session.Result!.Lr!.Value, 9);
    }

    [Fact]
    public void A_damaged_file_is_named_with_its_byte_offset()
    {
        var session = new LogSession();
        session.SetFiles([new LoadedFile("events.out.tfevents.truncated", System.IO.File.ReadAllBytes(Path.Combine(_formats, "events.out.tfevents.truncated")))]);
        session.Run();
        Assert.StartsWith("events.out.tfevents.truncated: byte 790: ", session.Error, StringComparison.Ordinal);
        Assert.Null(session.ErrorLine);
    }

    [Fact]
    public void Several_mlflow_metric_files_by_picker_are_compared_and_told_apart()
    {
        var session = new LogSession();
        string[] picked = ["0a1b2c3d4e5f6a7b/metrics/train_loss", "4f6d2c1a9b8e4f7d/metrics/loss", "9e8d7c6b5a4f3e2d/metrics/train/loss", "5c4b3a29180f1e2d/metrics/loss"];
        session.SetFiles(picked
            .Select(p => new LoadedFile(Path.GetFileName(p), System.IO.File.ReadAllBytes(Path.Combine(_formats, "mlruns", "0", p)))));
        session.Lr = "0.001, 0.01, 0.1, 3";
        session.Run();
        Assert.Null(session.Error);
        var runs = session.Comparison!.Runs;
        Assert.Equal(["loss (1)", "loss (2)", "loss (3)", "train_loss"], runs.Select(r => r.Source).Order(StringComparer.Ordinal));
        Assert.Equal(0.1, runs[0].Lr!.Value, 12);
        Assert.Equal(Verdict.JustRight, runs[0].Verdict);
        Assert.Equal(Verdict.TooLarge, runs.Single(r => r.Lr == 3).Verdict);
    }

    [Fact]
    public void Errors_about_the_series_name_the_field_not_a_cli_flag()
    {
        var pasted = new LogSession { Text = "step,acc\n0,0.8\n1,0.7\n" };
        pasted.Run();
        Assert.Equal("line 1: Column or tag must name the loss column: none is named loss or train_loss (columns: step, acc)", pasted.Error);
        Assert.Equal(1, pasted.ErrorLine);

        var file = new LogSession { Column = "nope" };
        file.SetFiles([File(EventFiles()[2])]);
        file.Run();
        Assert.Equal("lr0.1/events.out.tfevents.1765000000.lab.float_val: Column or tag 'nope': no such scalar tag (tags: train/loss, train/lr, eval/accuracy)", file.Error);
        Assert.DoesNotContain("--", file.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_number_of_rates_is_reported()
    {
        var session = new LogSession { Lr = "0.1, 0.2" };
        session.SetFiles(EventFiles().Select(File));
        session.Run();
        Assert.Equal("learning rates: 2 given for 4 runs; give one per run, in order, or none", session.Error);
    }

    [Fact]
    public void Uploading_several_files_overlays_them_with_a_legend_and_a_verdict_per_run()
    {
        var page = Render<LrLab.Web.Pages.Diagnose>();
        var files = EventFiles().Select(f => InputFileContent.CreateFromBinary(System.IO.File.ReadAllBytes(Path.Combine(_formats, f)), Path.GetFileName(f))).ToArray();
        page.FindComponent<InputFile>().UploadFiles(files);
        page.WaitForElement("[data-testid=diagnose-advice]", TimeSpan.FromSeconds(10));
        Assert.Contains("0.1 was best", page.Find("[data-testid=diagnose-advice]").TextContent, StringComparison.Ordinal);
        var rows = page.FindAll("[data-testid=diagnose-run-row]");
        Assert.Equal(4, rows.Count);
        Assert.Contains("just right", rows[0].QuerySelector("[data-testid=run-verdict]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("too large", rows[^1].QuerySelector("[data-testid=run-verdict]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find("canvas[data-testid=diagnose-chart]"));
        Assert.Contains("4 files", page.Find("[data-testid=diagnose-drop]").TextContent, StringComparison.Ordinal);
        Assert.True(page.Find("[data-testid=diagnose-input]").HasAttribute("disabled"));
    }

    [Fact]
    public void The_wandb_example_compares_three_rates_in_one_click()
    {
        var page = Render<LrLab.Web.Pages.Diagnose>();
        page.Find("button[data-example='compare-wandb']").Click();
        Assert.Equal(3, page.FindAll("[data-testid=diagnose-run-row]").Count);
        Assert.Equal("Where to look next: 0.01 crawled, 0.001 crawled, 0.1 was best: try 0.1–0.3", page.Find("[data-testid=diagnose-advice]").TextContent.Trim());
    }
}
