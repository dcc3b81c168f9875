using System.Text.Json;

namespace LrLab.Cli.Tests;

/// <summary>`lrlab diagnose A B C` and `lrlab diagnose LOGDIR`: one verdict per run, a ranking, advice, an overlay plot.</summary>
public sealed class DiagnoseCompareTests
{
    private static string Formats(string name) => Path.Combine(AppContext.BaseDirectory, "Formats", name);

    [Fact]
    public void A_logdir_gives_the_spec_shape_ranked_best_first()
    {
        var (code, output, error) = CliRunner.Run("diagnose", Formats("tb-logdir"), "--format", "json");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var runs = root.GetProperty("runs").EnumerateArray().ToArray();
        Assert.Equal(4, runs.Length);
        foreach (var run in runs)
        {
            foreach (var key in new[] { "source", "lr", "verdict", "pattern", "evidence", "suggestion", "explanation" })
            {
                Assert.True(run.TryGetProperty(key, out _), key);
            }
        }

        Assert.Equal("lr0.1", runs[0].GetProperty("source").GetString());
        Assert.Equal("just-right", runs[0].GetProperty("verdict").GetString());
        Assert.Equal("too-large", runs[^1].GetProperty("verdict").GetString());
        Assert.Equal("lr0.1", root.GetProperty("best").GetString());
        Assert.EndsWith("0.1 was best: try 0.1–0.5", root.GetProperty("advice").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_mlflow_store_reads_each_run_with_its_name_and_the_rate_from_its_params()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Formats("manifest.json")));
        var store = manifest.RootElement.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("format").GetString() == "mlflow-store");
        var names = store.GetProperty("runs").EnumerateArray().Select(r => r.GetString()!).ToArray();
        var lrs = store.GetProperty("lrs").EnumerateArray().Select(r => r.GetDouble()).ToArray();
        var verdicts = store.GetProperty("verdicts").EnumerateArray().Select(r => r.GetString()!).ToArray();

        foreach (var path in new[] { Formats("mlruns"), Formats(Path.Combine("mlruns", "0")) })
        {
            var (code, output, error) = CliRunner.Run("diagnose", path, "--format", "json");
            Assert.Equal(0, code);
            Assert.Equal(string.Empty, error);
            using var json = JsonDocument.Parse(output);
            var runs = json.RootElement.GetProperty("runs").EnumerateArray().ToArray();
            Assert.Equal(names.Order(StringComparer.Ordinal), runs.Select(r => r.GetProperty("source").GetString()!).Order(StringComparer.Ordinal));
            foreach (var run in runs)
            {
                var i = Array.IndexOf(names, run.GetProperty("source").GetString());
                Assert.Equal(lrs[i], run.GetProperty("lr").GetDouble(), 12);
                Assert.Equal(verdicts[i], run.GetProperty("verdict").GetString());
            }

            Assert.Equal("sgd-lr0.1", json.RootElement.GetProperty("best").GetString());
            Assert.EndsWith("0.1 was best: try 0.1–0.5", json.RootElement.GetProperty("advice").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void One_mlflow_run_folder_is_one_run_and_a_missing_metric_is_named()
    {
        var run = Formats(Path.Combine("mlruns", "0", "0a1b2c3d4e5f6a7b"));
        var (code, output, _) = CliRunner.Run("diagnose", run, "--format", "json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("too-small", json.RootElement.GetProperty("verdict").GetString());
        Assert.Equal(0.001, json.RootElement.GetProperty("lr").GetDouble(), 12);

        var refused = CliRunner.RefusedLine(["diagnose", run, "--column", "val_loss"]);
        Assert.Contains("--column 'val_loss': the run has no such metric (metrics: train_loss)", refused, StringComparison.Ordinal);
    }

    [Fact]
    public void Separate_files_with_lrs_compare_and_plot_an_overlay()
    {
        var dir = Directory.CreateTempSubdirectory("lrlab-compare-");
        try
        {
            var svg = Path.Combine(dir.FullName, "runs.svg");
            var files = Directory.GetDirectories(Formats("tb-logdir")).Order(StringComparer.Ordinal).Select(d => Directory.GetFiles(d)[0]).ToArray();
            string[] args = ["diagnose", .. files, "--lrs", "0.001,0.01,0.1,3", "--plot", svg];
            var (code, table, error) = CliRunner.Run(args);
            Assert.Equal(0, code);
            Assert.Equal(string.Empty, error);
            Assert.Contains("0.1 was best: try 0.1–0.5", table, StringComparison.Ordinal);
            var picture = File.ReadAllText(svg);
            Assert.Contains("lr 0.1: just right (best)", picture, StringComparison.Ordinal);
            Assert.Contains("lr 0.01: too small", picture, StringComparison.Ordinal);
            Assert.Contains("lr 0.001: too small", picture, StringComparison.Ordinal);
            Assert.Contains("lr 3: too large", picture, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void A_wandb_export_with_three_runs_is_a_comparison_and_csv_lists_them()
    {
        var (code, csv, _) = CliRunner.Run("diagnose", Formats("wandb_export.csv"), "--lrs", "0.001,0.01,0.1", "--format", "csv");
        Assert.Equal(0, code);
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal("rank,source,lr,verdict,pattern,finalLoss,action,factor", lines[0]);
        Assert.StartsWith("1,", lines[1], StringComparison.Ordinal);
        Assert.Contains("wandb_export.csv / sgd-lr0.1,0.1,just-right", lines[1], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);
    }

    [Theory]
    [InlineData("hf-blowup/trainer_state.json", "huggingface", "just as warmup reached 16")]
    [InlineData("mlruns/0/4f6d2c1a9b8e4f7d/metrics/loss", "mlflow", "too small (crawling)")]
    [InlineData("keras_log.csv", "keras", "just right (smooth)")]
    [InlineData("lightning_metrics.csv", "lightning", "just right (smooth)")]
    public void One_file_of_each_format_keeps_the_single_run_output(string file, string format, string words)
    {
        var (code, table, _) = CliRunner.Run("diagnose", Formats(file));
        Assert.Equal(0, code);
        Assert.Contains($", {format}", table, StringComparison.Ordinal);
        Assert.Contains(words, table.ReplaceLineEndings(" "), StringComparison.Ordinal);
    }
}
