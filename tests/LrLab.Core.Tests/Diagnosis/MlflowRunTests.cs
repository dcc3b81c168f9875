using LrLab.Core.Diagnosis;

namespace LrLab.Core.Tests.Diagnosis;

/// <summary>An MLflow file-store run: the loss metric, the rate (metric or parameter), the run's name and state.</summary>
public sealed class MlflowRunTests
{
    private static readonly string _runs = Path.Combine(AppContext.BaseDirectory, "Formats", "mlruns", "0");

    private static LossLog Read(string runId, LossLogOptions? options = null)
    {
        var dir = Path.Combine(_runs, runId);
        var metricsDir = Path.Combine(dir, "metrics");
        var metrics = Directory.EnumerateFiles(metricsDir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(metricsDir, f).Replace(Path.DirectorySeparatorChar, '/')).Order(StringComparer.Ordinal).ToList();
        var parameters = Directory.EnumerateFiles(Path.Combine(dir, "params")).ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);
        var name = MlflowRun.MetaValue(File.ReadAllText(Path.Combine(dir, "meta.yaml")), "run_name")!;
        return MlflowRun.Read(metrics, key => File.OpenText(Path.Combine(metricsDir, key)), parameters, name, options);
    }

    [Fact]
    public void The_rate_comes_from_the_lr_metric_step_by_step_or_from_a_parameter()
    {
        var withMetric = Read("4f6d2c1a9b8e4f7d");
        Assert.Equal("loss", withMetric.Column);
        Assert.Equal("sgd-lr0.01", withMetric.Run);
        Assert.Equal(LossLogFormat.Mlflow, withMetric.Format);
        Assert.All(withMetric.Rates!, r => Assert.Equal(0.01, r));

        var withParam = Read("0a1b2c3d4e5f6a7b");
        Assert.Equal("train_loss", withParam.Column);
        Assert.Equal(withParam.Losses.Count, withParam.Rates!.Count);
        Assert.All(withParam.Rates!, r => Assert.Equal(0.001, r));

        var nested = Read("9e8d7c6b5a4f3e2d");
        Assert.Equal("train/loss", nested.Column);
        Assert.Equal(0.1, nested.PeakRate());
    }

    [Fact]
    public void Meta_yaml_gives_the_name_and_marks_deleted_runs()
    {
        var meta = File.ReadAllText(Path.Combine(_runs, "d00d00d00d00d00d", "meta.yaml"));
        Assert.True(MlflowRun.IsDeleted(meta));
        Assert.Equal("sgd-lr0.1-deleted", MlflowRun.MetaValue(meta, "run_name"));
        Assert.Equal("0", MlflowRun.MetaValue(meta, "experiment_id"));
        Assert.False(MlflowRun.IsDeleted(File.ReadAllText(Path.Combine(_runs, "4f6d2c1a9b8e4f7d", "meta.yaml"))));
        Assert.Equal("Default", MlflowRun.MetaValue(File.ReadAllText(Path.Combine(_runs, "meta.yaml")), "name"));
    }

    [Fact]
    public void Several_loss_metrics_or_none_name_the_column_parameter()
    {
        static StringReader Line(string _) => new("1765000000000 0.5 0\n");
        var several = Assert.Throws<InputException>(() => MlflowRun.Read(["train_loss_a", "train_loss_b"], Line, new Dictionary<string, string>(), "r"));
        Assert.Equal("column", several.Parameter);
        Assert.Equal("--column must name one of the run's loss metrics (candidates: train_loss_a, train_loss_b)", several.Worded(p => "--" + p));
        var none = Assert.Throws<InputException>(() => MlflowRun.Read(["accuracy"], Line, new Dictionary<string, string>(), "r"));
        Assert.Equal("column must name the loss metric: none is named loss (metrics: accuracy)", none.Message);
        var bad = Assert.Throws<InputException>(() => MlflowRun.Read(["loss"], _ => new StringReader("1765000000000 oops 0\n"), new Dictionary<string, string>(), "r"));
        Assert.StartsWith("metrics/loss: line 1: ", bad.Message, StringComparison.Ordinal);
    }
}
