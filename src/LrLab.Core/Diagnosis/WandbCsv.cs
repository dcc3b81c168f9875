using static LrLab.Core.Diagnosis.LossLogParser;

namespace LrLab.Core.Diagnosis;

/// <summary>
/// A Weights &amp; Biases chart export: a step column, then <c>&lt;run&gt; - &lt;metric&gt;</c> columns, each with
/// <c>__MIN</c>/<c>__MAX</c> companions (the band W&amp;B draws when it samples; ignored here). One file may hold
/// several runs; each becomes its own log. Cells are blank where a run logged nothing at that step.
/// </summary>
internal static class WandbCsv
{
    private const string Separator = " - ";

    /// <summary>The usual names of a training-loss metric, in order of preference (W&amp;B and MLflow alike).</summary>
    internal static readonly string[] LossMetrics = ["loss", "train_loss", "train/loss", "training_loss", "loss_step", "train/loss_step"];

    private static readonly string[] _stepNames = ["Step", "_step", "step", "global_step", "epoch", "Relative Time (Process)", "Wall Time"];

    /// <summary>True when every column but the step is a <c>run - metric</c> column.</summary>
    public static bool Matches(string[] names) =>
        names.Length >= 2 && names.Any(n => n.Contains(Separator, StringComparison.Ordinal))
        && names.All(n => n.Contains(Separator, StringComparison.Ordinal) || _stepNames.Contains(n, StringComparer.OrdinalIgnoreCase));

    public static IReadOnlyList<LossLog> Read(TextLines lines, string[] names, char delimiter, int headerLine, string? series, string parameter = "column")
    {
        var stepIndex = Array.FindIndex(names, n => !n.Contains(Separator, StringComparison.Ordinal));
        var columns = new List<(string Run, string Metric, int Index)>();
        for (var i = 0; i < names.Length; i++)
        {
            var at = names[i].LastIndexOf(Separator, StringComparison.Ordinal);
            if (at < 0 || names[i].EndsWith("__MIN", StringComparison.Ordinal) || names[i].EndsWith("__MAX", StringComparison.Ordinal))
            {
                continue;
            }

            columns.Add((names[i][..at].Trim(), names[i][(at + Separator.Length)..].Trim(), i));
        }

        var runs = columns.Select(c => c.Run).Distinct().ToArray();
        var picked = new List<(string Run, int Loss, int Rate, string Metric)>();
        foreach (var run in runs)
        {
            var mine = columns.Where(c => c.Run == run).ToArray();
            var loss = series is not null
                ? mine.FirstOrDefault(c => c.Metric.Equals(series.Trim(), StringComparison.OrdinalIgnoreCase))
                : LossMetrics.Select(m => mine.FirstOrDefault(c => c.Metric.Equals(m, StringComparison.OrdinalIgnoreCase))).FirstOrDefault(c => c.Metric is not null);
            if (loss.Metric is null && series is null)
            {
                var withLoss = mine.Where(c => c.Metric.Contains("loss", StringComparison.OrdinalIgnoreCase)).ToArray();
                if (withLoss.Length > 1)
                {
                    throw InputException.For(parameter, $"must name one of run '{Clip(run)}''s loss series (candidates: {CsvLossLog.List(withLoss.Select(c => c.Metric))})", headerLine);
                }

                loss = withLoss.Length == 1 ? withLoss[0] : default;
            }

            if (loss.Metric is null)
            {
                if (series is not null || runs.Length == 1)
                {
                    throw series is null
                        ? InputException.For(parameter, $"must name the loss series: none in this W&B export is named loss (candidates: {CsvLossLog.List(mine.Select(c => c.Metric))})", headerLine)
                        : InputException.For(parameter, $"'{Clip(series)}': run '{Clip(run)}' has no such metric (metrics: {CsvLossLog.List(mine.Select(c => c.Metric))})", headerLine);
                }

                continue;
            }

            var rate = mine.FirstOrDefault(c => RateColumns.IsRate(c.Metric));
            picked.Add((run, loss.Index, rate.Metric is null ? -1 : rate.Index, loss.Metric));
        }

        if (picked.Count == 0)
        {
            throw Error(headerLine, $"no run in this W&B export has a loss series (columns: {CsvLossLog.List(names)})");
        }

        var losses = picked.Select(_ => new ChunkedValues()).ToArray();
        var steps = picked.Select(_ => new ChunkedValues(compactRuns: true)).ToArray();
        var rateSteps = picked.Select(_ => new List<double>()).ToArray();
        var rates = picked.Select(_ => new List<double>()).ToArray();
        var row = 0;
        while (lines.Next(out var line))
        {
            var number = lines.Number;
            var cells = CsvLossLog.SplitQuoted(line.ToString(), delimiter, number);
            if (cells.Count > names.Length)
            {
                throw Error(number, $"{cells.Count} cells, but the header names {names.Length} columns");
            }

            double step = row++;
            if (stepIndex >= 0 && stepIndex < cells.Count && cells[stepIndex].Trim().Length > 0
                && (!TryParseNumber(cells[stepIndex], out step) || !double.IsFinite(step)))
            {
                throw Error(number, $"column '{names[stepIndex]}': '{Clip(cells[stepIndex])}' is not a finite number");
            }

            for (var r = 0; r < picked.Count; r++)
            {
                if (Value(cells, picked[r].Loss, names, number) is { } loss)
                {
                    Add(losses[r], loss, number);
                    steps[r].Add(step);
                }

                if (Value(cells, picked[r].Rate, names, number) is { } rate)
                {
                    rateSteps[r].Add(step);
                    rates[r].Add(rate);
                }
            }
        }

        var logs = new List<LossLog>();
        for (var r = 0; r < picked.Count; r++)
        {
            if (losses[r].Count == 0)
            {
                throw Error(headerLine, $"column '{Clip(names[picked[r].Loss])}' holds no values");
            }

            logs.Add(new LossLog(losses[r], steps[r], LossLogFormat.Wandb, picked[r].Metric)
            {
                Run = picked[r].Run,
                Rates = RateColumns.Align(steps[r], rateSteps[r], rates[r]),
            });
        }

        return logs;
    }

    private static double? Value(List<string> cells, int index, string[] names, int number)
    {
        if (index < 0 || index >= cells.Count || cells[index].Trim().Length == 0)
        {
            return null;
        }

        return TryParseNumber(cells[index], out var value)
            ? value
            : throw Error(number, $"column '{Clip(names[index])}': '{Clip(cells[index])}' is not a number");
    }
}
