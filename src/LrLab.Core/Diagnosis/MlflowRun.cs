using System.Globalization;

namespace LrLab.Core.Diagnosis;

/// <summary>
/// One run of an MLflow file store (<c>mlruns/&lt;experiment&gt;/&lt;run&gt;/</c>): <c>metrics/&lt;key&gt;</c> files of
/// <c>timestamp value step</c> lines (a key with slashes sits in subfolders), <c>params/&lt;name&gt;</c> and
/// <c>tags/&lt;name&gt;</c> files holding the value alone, and <c>meta.yaml</c> (<c>run_name</c>, <c>lifecycle_stage</c>).
/// The caller reads the folder; this picks the loss metric and the rate.
/// </summary>
public static class MlflowRun
{
    /// <summary>The value of a top-level <c>key: value</c> line of a <c>meta.yaml</c> (quotes removed), or null.</summary>
    public static string? MetaValue(string? metaYaml, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        foreach (var raw in (metaYaml ?? string.Empty).Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith(key + ":", StringComparison.Ordinal))
            {
                var value = line[(key.Length + 1)..].Trim();
                return value.Length >= 2 && (value[0] is '\'' or '"') && value[^1] == value[0] ? value[1..^1] : value;
            }
        }

        return null;
    }

    /// <summary>Whether <c>meta.yaml</c> marks the run deleted (MLflow keeps deleted runs on disk).</summary>
    public static bool IsDeleted(string? metaYaml) => MetaValue(metaYaml, "lifecycle_stage") == "deleted";

    /// <summary>
    /// The run's loss log: the metric named by <paramref name="options"/>, else the usual loss names, else the only
    /// metric whose name contains "loss"; its rate from a rate metric (<c>lr</c>, <c>learning_rate</c>, …) at each step,
    /// else from a numeric rate parameter.
    /// </summary>
    /// <param name="metrics">The metric keys (<c>train/loss</c> for <c>metrics/train/loss</c>).</param>
    /// <param name="open">Opens the file of a metric key.</param>
    /// <param name="parameters">The run's parameters, by name.</param>
    /// <param name="runName">The run's name (the log's <see cref="LossLog.Run"/>).</param>
    /// <param name="options">Which metric holds the loss, if not the usual one.</param>
    public static LossLog Read(IReadOnlyList<string> metrics, Func<string, TextReader> open, IReadOnlyDictionary<string, string> parameters, string runName, LossLogOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(parameters);
        options ??= LossLogOptions.Default;
        var key = LossKey(metrics, options);
        var log = ReadMetric(open, key);
        var rateKey = metrics.FirstOrDefault(k => k != key && RateColumns.IsRate(k));
        IReadOnlyList<double>? rates = null;
        if (rateKey is not null)
        {
            var rate = ReadMetric(open, rateKey);
            rates = RateColumns.Align(log.Steps, rate.Steps, rate.Losses);
        }
        else if (Rate(parameters) is { } constant)
        {
            rates = [.. Enumerable.Repeat(constant, log.Losses.Count)];
        }

        return new LossLog(log.Losses, log.Steps, LossLogFormat.Mlflow, key) { Rates = rates, Run = runName };
    }

    private static string LossKey(IReadOnlyList<string> metrics, LossLogOptions options)
    {
        var list = CsvLossLog.List(metrics);
        if (metrics.Count == 0)
        {
            throw new InputException("the run has no metrics");
        }

        if (options.Series is { } wanted)
        {
            return metrics.FirstOrDefault(k => k.Equals(wanted.Trim(), StringComparison.Ordinal))
                ?? metrics.FirstOrDefault(k => k.Equals(wanted.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw InputException.For(options.SeriesParameter, $"'{LossLogParser.Clip(wanted)}': the run has no such metric (metrics: {list})");
        }

        var usual = WandbCsv.LossMetrics.Select(m => metrics.FirstOrDefault(k => k.Equals(m, StringComparison.OrdinalIgnoreCase))).FirstOrDefault(k => k is not null);
        if (usual is not null)
        {
            return usual;
        }

        var withLoss = metrics.Where(k => k.Contains("loss", StringComparison.OrdinalIgnoreCase)).ToArray();
        return withLoss.Length == 1
            ? withLoss[0]
            : throw InputException.For("column", withLoss.Length > 1
                ? $"must name one of the run's loss metrics (candidates: {CsvLossLog.List(withLoss)})"
                : $"must name the loss metric: none is named loss (metrics: {list})");
    }

    private static LossLog ReadMetric(Func<string, TextReader> open, string key)
    {
        try
        {
            using var reader = open(key);
            var log = LossLogParser.ParseRuns(reader, LossLogOptions.Default)[0];
            return log.Format == LossLogFormat.Mlflow || log.Format == LossLogFormat.Lines
                ? log
                : throw new InputException($"line 1: not an MLflow metric file ({log.Format})", 1);
        }
        catch (InputException e)
        {
            throw e.Within($"metrics/{key}: ");
        }
    }

    /// <summary>A positive number under a rate-like parameter name (<c>lr</c>, <c>learning_rate</c> first), or null.</summary>
    private static double? Rate(IReadOnlyDictionary<string, string> parameters)
    {
        foreach (var (name, value) in parameters.OrderBy(p => p.Key is "lr" or "learning_rate" ? 0 : 1).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            if (RateColumns.IsRate(name) && double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate > 0 && double.IsFinite(rate))
            {
                return rate;
            }
        }

        return null;
    }
}
