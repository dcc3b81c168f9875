using System.Text;
using static LrLab.Core.Diagnosis.LossLogParser;

namespace LrLab.Core.Diagnosis;

/// <summary>
/// CSV with a header row, read line by line (a ten-million-line log never sits in memory as text): a training
/// script's <c>step,loss</c>, Keras' CSVLogger, Lightning's metrics.csv (blank loss cells are validation rows),
/// TensorBoard's <c>Wall time,Step,Value</c> export. A learning-rate column, when present, is kept beside the losses.
/// </summary>
internal static class CsvLossLog
{
    private static readonly string[] _lossColumns = ["loss", "train_loss", "train_loss_step", "training_loss", "train/loss", "value"];
    private static readonly string[] _stepColumns = ["step", "global_step", "iteration", "iter", "epoch", "_step"];

    public static LossLog Read(TextLines lines, string[] names, char delimiter, int headerLine, string? column)
    {
        var tensorBoard = names.Length == 3 && Is(names[0], "Wall time") && Is(names[1], "Step") && Is(names[2], "Value");
        var lossIndex = LossColumn(names, column, headerLine);
        var stepIndex = -1;
        foreach (var candidate in _stepColumns)
        {
            var at = Array.FindIndex(names, n => Is(n, candidate));
            if (at >= 0)
            {
                stepIndex = at;
                break;
            }
        }

        var rateIndex = Array.FindIndex(names, (n) => RateColumns.IsRate(n));
        if (rateIndex == lossIndex)
        {
            rateIndex = -1;
        }

        var losses = new ChunkedValues();
        var steps = new ChunkedValues(compactRuns: true);
        var rateSteps = new List<double>();
        var rates = new List<double>();
        var ranges = new Range[names.Length + 1];
        var rowStep = -1.0;
        while (lines.Next(out var line))
        {
            var number = lines.Number;
            List<string>? quoted = null;
            int count;
            if (line.Contains('"'))
            {
                quoted = SplitQuoted(line.ToString(), delimiter, number);
                count = quoted.Count;
            }
            else
            {
                count = Split(line, delimiter, ranges);
            }

            if (count > names.Length)
            {
                throw Error(number, $"{count} cells, but the header names {names.Length} columns");
            }

            var stepCell = stepIndex >= 0 && stepIndex < count ? Cell(line, ranges, quoted, stepIndex).Trim() : default;

            // Steps are nearly always whole numbers, which parse several times faster as integers.
            if (stepCell.Length > 0 && long.TryParse(stepCell, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var whole))
            {
                rowStep = whole;
            }
            else if (stepCell.Length > 0 && (!TryParseNumber(stepCell, out rowStep) || !double.IsFinite(rowStep)))
            {
                throw Error(number, $"column '{Clip(names[stepIndex])}': '{Clip(stepCell.ToString())}' is not a finite number");
            }

            var step = stepCell.Length > 0 ? rowStep : steps.Count > 0 ? steps.Last + 1 : 0;
            if (rateIndex >= 0 && rateIndex < count)
            {
                var rateCell = Cell(line, ranges, quoted, rateIndex).Trim();
                if (rateCell.Length > 0)
                {
                    if (!TryParseNumber(rateCell, out var rate))
                    {
                        throw Error(number, $"column '{names[rateIndex]}': '{Clip(rateCell.ToString())}' is not a number");
                    }

                    rateSteps.Add(step);
                    rates.Add(rate);
                }
            }

            var cell = lossIndex < count ? Cell(line, ranges, quoted, lossIndex).Trim() : default;
            if (cell.Length == 0)
            {
                continue;
            }

            if (!TryParseNumber(cell, out var loss))
            {
                throw Error(number, $"column '{Clip(names[lossIndex])}': '{Clip(cell.ToString())}' is not a number");
            }

            Add(losses, loss, number);
            steps.Add(step);
        }

        if (losses.Count == 0)
        {
            throw Error(headerLine, $"column '{Clip(names[lossIndex])}' holds no values");
        }

        var format = tensorBoard ? LossLogFormat.TensorBoard
            : Is(names[0], "epoch") && stepIndex >= 0 && Is(names[stepIndex], "epoch") && Is(names[lossIndex], "loss") ? LossLogFormat.Keras
            : names.Any(n => Is(n, "epoch")) && names.Any(n => Is(n, "step")) && names.Any(n => n.StartsWith("val_", StringComparison.OrdinalIgnoreCase) || n.StartsWith("train_", StringComparison.OrdinalIgnoreCase)) ? LossLogFormat.Lightning
            : LossLogFormat.Csv;
        return new LossLog(losses, steps, format, names[lossIndex]) { Rates = RateColumns.Align(steps, rateSteps, rates) };
    }

    /// <summary>The header's cells, trimmed.</summary>
    public static string[] Header(string line, char delimiter, int number) =>
        [.. (line.Contains('"') ? SplitQuoted(line, delimiter, number) : [.. line.Split(delimiter)]).Select(n => n.Trim())];

    public static char Delimiter(ReadOnlySpan<char> header) =>
        header.Contains(',') ? ',' : header.Contains('\t') ? '\t' : header.Contains(';') ? ';' : ',';

    /// <summary>The loss column: the one named, else a usual name, else the only one mentioning "loss".</summary>
    public static int LossColumn(string[] names, string? column, int headerLine)
    {
        if (column is not null)
        {
            var named = Array.FindIndex(names, n => Is(n, column.Trim()));
            return named >= 0
                ? named
                : throw InputException.For("column", $"'{Clip(column)}': no such column (columns: {List(names)})", headerLine);
        }

        foreach (var candidate in _lossColumns)
        {
            var at = Array.FindIndex(names, n => Is(n, candidate));
            if (at >= 0)
            {
                return at;
            }
        }

        var withLoss = Enumerable.Range(0, names.Length).Where(i => names[i].Contains("loss", StringComparison.OrdinalIgnoreCase)).ToArray();
        if (withLoss.Length == 1)
        {
            return withLoss[0];
        }

        if (names.Length == 1)
        {
            return 0;
        }

        throw withLoss.Length > 1
            ? InputException.For("column", $"must name one of several loss columns (candidates: {List(withLoss.Select(i => names[i]))})", headerLine)
            : InputException.For("column", $"must name the loss column: none is named loss or train_loss (columns: {List(names)})", headerLine);
    }

    /// <summary>Cells of a line without quotes; returns names.Length + 1 when there are more cells than ranges.</summary>
    private static int Split(ReadOnlySpan<char> line, char delimiter, Span<Range> ranges)
    {
        var count = 0;
        var start = 0;
        while (true)
        {
            var at = line[start..].IndexOf(delimiter);
            var end = at < 0 ? line.Length : start + at;
            if (count == ranges.Length)
            {
                return count + 1;
            }

            ranges[count++] = new Range(start, end);
            if (at < 0)
            {
                return count;
            }

            start = end + 1;
        }
    }

    private static ReadOnlySpan<char> Cell(ReadOnlySpan<char> line, Span<Range> ranges, List<string>? quoted, int index) =>
        quoted is not null ? quoted[index].AsSpan() : line[ranges[index]];

    /// <summary>RFC 4180 cells of one line: quotes may wrap a cell, a doubled quote inside is a quote.</summary>
    public static List<string> SplitQuoted(string line, char delimiter, int number)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        if (quoted)
        {
            throw Error(number, "a quoted cell is not closed");
        }

        cells.Add(cell.ToString());
        return cells;
    }

    internal static string List(IEnumerable<string> names)
    {
        var all = names.ToArray();
        var shown = string.Join(", ", all.Take(12).Select(n => Clip(n)));
        return all.Length > 12 ? $"{shown}, … {all.Length - 12} more" : shown;
    }

    private static bool Is(string name, string wanted) => name.Equals(wanted, StringComparison.OrdinalIgnoreCase);
}
