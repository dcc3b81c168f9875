using System.Text.Json;

namespace LrLab.Cli.Tests;

/// <summary>`lrlab diagnose`: every format of output, files and standard input, and bad logs.</summary>
public sealed class DiagnoseCommandTests
{
    private static string Log(string name) => Path.Combine(AppContext.BaseDirectory, "Logs", name);

    private static string Formats(string name) => Path.Combine(AppContext.BaseDirectory, "Formats", name);

    public static TheoryData<string, string?, string, string, string> Files => new()
    {
        { "spec-practice-lr0.1.txt", "0.1", "just-right", "smooth", "keep" },
        { "spec-practice-lr1.0.txt", "1.0", "too-large", "nan", "decrease" },
        { "practice-lr1.json", "1", "too-large", "nan", "decrease" },
        { "spec-crawl.txt", null, "too-small", "crawling", "increase" },
        { "spec-bounce.txt", null, "too-large", "oscillating", "decrease" },
        { "mlp-adam-lr1e0-steps.csv", "1", "too-large", "plateau", "decrease" },
        { "tensorboard.csv", null, "just-right", "smooth", "keep" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Json_has_the_spec_shape_and_verdict(string file, string? lr, string verdict, string pattern, string action)
    {
        string[] args = lr is null ? ["diagnose", Log(file), "--format", "json"] : ["diagnose", Log(file), "--lr", lr, "--format", "json"];
        var (code, output, error) = CliRunner.Run(args);
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(verdict, root.GetProperty("verdict").GetString());
        Assert.Equal(pattern, root.GetProperty("pattern").GetString());
        Assert.Equal(action, root.GetProperty("suggestion").GetProperty("action").GetString());
        Assert.True(root.GetProperty("suggestion").GetProperty("factor").GetDouble() > 0);
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("explanation").GetString()));
        var evidence = root.GetProperty("evidence");
        Assert.True(evidence.GetArrayLength() > 0);
        foreach (var e in evidence.EnumerateArray())
        {
            Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("finding").GetString()));
            Assert.True(e.GetProperty("toStep").GetDouble() >= e.GetProperty("fromStep").GetDouble());
        }
    }

    [Fact]
    public void Practice_problem_at_lr_1_names_0_01_and_0_001_in_every_format()
    {
        var (_, json, _) = CliRunner.Run("diagnose", Log("spec-practice-lr1.0.txt"), "--lr", "1.0", "--format", "json");
        using var doc = JsonDocument.Parse(json);
        Assert.Equal([0.01, 0.001], doc.RootElement.GetProperty("suggestion").GetProperty("rates").EnumerateArray().Select(r => r.GetDouble()));

        var (_, table, _) = CliRunner.Run("diagnose", Log("spec-practice-lr1.0.txt"), "--lr", "1.0");
        Assert.Contains("too large (nan)", table, StringComparison.Ordinal);
        Assert.Contains("Try 0.01 or 0.001.", table, StringComparison.Ordinal);
        Assert.Contains("NaN at step 4", table, StringComparison.Ordinal);
        Assert.Contains("▁▂▃█✕", table, StringComparison.Ordinal);

        var (_, csv, _) = CliRunner.Run("diagnose", Log("spec-practice-lr1.0.txt"), "--lr", "1.0", "--format", "csv");
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal("verdict,pattern,action,factor,rates,kind,finding,fromStep,toStep", lines[0]);
        Assert.StartsWith("too-large,nan,decrease,0.01,0.01 0.001,non-finite,NaN at step 4,4,4", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Dash_reads_standard_input()
    {
        using var stdin = new StringReader("0.5\n0.3\n0.8\n0.2\n1.5\n");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = LrLabCli.Run(["diagnose", "-", "--format", "json"], stdout, stderr, stdin);
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout.ToString());
        Assert.Equal("too-large", json.RootElement.GetProperty("verdict").GetString());
        Assert.Equal("oscillating", json.RootElement.GetProperty("pattern").GetString());
    }

    [Fact]
    public void Out_writes_the_file_and_nothing_to_stdout()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lrlab-diagnose-{Guid.NewGuid():N}.json");
        try
        {
            var (code, output, _) = CliRunner.Run("diagnose", Log("spec-crawl.txt"), "--format", "json", "--out", path);
            Assert.Equal(0, code);
            Assert.Equal(string.Empty, output);
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            Assert.Equal("too-small", json.RootElement.GetProperty("verdict").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static TheoryData<string[], string> BadInput => new()
    {
        { ["diagnose", Log("bad-line4.csv")], "line 4: column 'loss': 'zero point four' is not a number" },
        { ["diagnose", Log("spec-crawl.txt"), "--column", "loss"], "line 1: --column 'loss': the log has no header row" },
        { ["diagnose", Log("tensorboard.csv"), "--column", "Loss2"], "line 1: --column 'Loss2': no such column" },
        { ["diagnose", Formats("hf-healthy/trainer_state.json"), "--column", "eval_accuracy"], "line 1: --column 'eval_accuracy': no log_history entry has it" },
        { ["diagnose", Log("no-such-file.csv")], "no such file" },
        { ["diagnose", Path.Combine(AppContext.BaseDirectory, "Logs")], "holds no TensorBoard event files" },
        { ["diagnose", Formats("events.out.tfevents.corrupt")], "byte 470: record 6: the data checksum does not match" },
        { ["diagnose", Formats("tb-logdir"), "--tag", "nope"], "--tag 'nope': no such scalar tag (tags: train/loss, train/lr, eval/accuracy)" },
        { ["diagnose", Formats("tb-logdir"), "--column", "nope"], "--column 'nope': no such scalar tag" },
        { ["diagnose", Formats("tb-logdir"), "--lrs", "0.1,0.2"], "--lrs: 2 rates for 4 runs" },
        { ["diagnose", Formats("tb-logdir"), "--lrs", "0.1,x,1,2"], "--lrs: 'x' (rate 2) is not a positive number" },
        { ["diagnose", Formats("wandb_export.csv"), "--lr", "0.1"], "--lr: one rate for several runs" },
        { ["diagnose", Log("spec-crawl.txt"), "--lr", "0"], "--lr must be positive" },
        { ["diagnose", Log("spec-crawl.txt"), "--lr", "fast"], "--lr" },
        { ["diagnose", Log("spec-crawl.txt"), "--format", "xml"], "--format" },
        { ["diagnose"], "argument missing" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public void Bad_logs_exit_2_with_one_line(string[] args, string mention)
    {
        Assert.Contains(mention, CliRunner.RefusedLine(args), StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_stdin_names_its_line()
    {
        using var stdin = new StringReader("0.5\n0.4\n\nbroken\n");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = LrLabCli.Run(["diagnose", "-"], stdout, stderr, stdin);
        Assert.Equal(2, code);
        Assert.Equal("error: line 4: 'broken' is not a number (expected one loss value per line)\n", stderr.ToString().ReplaceLineEndings("\n"));
    }
}
