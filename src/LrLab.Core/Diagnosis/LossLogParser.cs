using System.Globalization;
using System.Text;

namespace LrLab.Core.Diagnosis;

/// <summary>
/// Reads a loss log from text: CSV with a header row (the loss column is <c>loss</c>, <c>train_loss</c>, TensorBoard's
/// <c>Value</c>, or the one named; blank cells are skipped, as in Lightning's metrics.csv), a JSON array (numbers, or
/// objects with a loss property), a JSON object holding a loss array, or one number per line. <c>nan</c>,
/// <c>inf</c> and <c>-inf</c> are accepted in any spelling Python, NumPy or .NET prints; a JSON <c>null</c> counts as
/// NaN because JavaScript writes NaN that way. Anything unreadable is an <see cref="InputException"/> whose message
/// starts with "line N:" and whose <see cref="InputException.Position"/> is that line.
/// </summary>
public static class LossLogParser
{
    /// <summary>The largest log read, in characters (a 50,000-step CSV is under 1 MB).</summary>
    public const int MaxCharacters = 64 * 1024 * 1024;

    /// <summary>The most loss values read from one log.</summary>
    public const int MaxValues = 2_000_000;

    private static readonly string[] _lossColumns = ["loss", "train_loss", "train_loss_step", "training_loss", "train/loss", "value"];
    private static readonly string[] _stepColumns = ["step", "global_step", "iteration", "iter", "epoch"];

    /// <summary>Parses a whole log held in a string.</summary>
    /// <param name="text">The log's text.</param>
    /// <param name="column">The CSV column or JSON property holding the loss; null picks <c>loss</c>, <c>train_loss</c>, ….</param>
    public static LossLog Parse(string text, string? column = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxCharacters)
        {
            throw TooLarge();
        }

        return ParseText(text, column);
    }

    /// <summary>Reads a log from a stream of text (read to the end, at most <see cref="MaxCharacters"/>).</summary>
    /// <param name="reader">The log's text.</param>
    /// <param name="column">The CSV column or JSON property holding the loss; null picks <c>loss</c>, <c>train_loss</c>, ….</param>
    public static LossLog Parse(TextReader reader, string? column = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var text = new StringBuilder();
        var buffer = new char[65536];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (text.Length + read > MaxCharacters)
            {
                throw TooLarge();
            }

            text.Append(buffer, 0, read);
        }

        return ParseText(text.ToString(), column);
    }

    /// <summary>
    /// Reads one number the way a loss log writes it: invariant culture, plus <c>nan</c>, <c>inf</c>, <c>-inf</c>,
    /// <c>infinity</c> in any case (and quotes around it). Returns false for anything else.
    /// </summary>
    public static bool TryParseNumber(ReadOnlySpan<char> text, out double value)
    {
        text = text.Trim();
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            text = text[1..^1].Trim();
        }

        var sign = 1.0;
        var body = text;
        if (body.Length > 0 && (body[0] == '-' || body[0] == '+'))
        {
            sign = body[0] == '-' ? -1 : 1;
            body = body[1..];
        }

        if (body.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NaN;
            return true;
        }

        if (body.Equals("inf", StringComparison.OrdinalIgnoreCase) || body.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = sign * double.PositiveInfinity;
            return true;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static LossLog ParseText(string text, string? column)
    {
        var lines = new LineReader(text);
        if (!lines.NextContent(out var first, out var firstLine))
        {
            throw new InputException("line 1: the log is empty: it holds no loss values", 1);
        }

        var trimmed = first.TrimStart();
        if (trimmed.StartsWith('[') || trimmed.StartsWith('{'))
        {
            return JsonLossLog.Parse(text, column);
        }

        if (TryParseNumber(first, out _))
        {
            if (column is not null)
            {
                throw Error(firstLine, $"--column {column}: the log has no header row naming its columns");
            }

            return PlainNumbers(lines, first, firstLine);
        }

        if (first.Contains(',') || first.Contains('\t') || first.Contains(';'))
        {
            var delimiter = Delimiter(first);
            if (SplitCells(first, delimiter, firstLine).All(c => TryParseNumber(c, out _)))
            {
                throw Error(firstLine, "several numbers but no header row: add a header naming the columns, e.g. step,loss");
            }
        }

        return Csv(lines, first, firstLine, column);
    }

    private static LossLog PlainNumbers(LineReader lines, string first, int firstLine)
    {
        var losses = new List<double>();
        var line = first;
        var number = firstLine;
        do
        {
            if (!TryParseNumber(line, out var value))
            {
                throw Error(number, $"'{Clip(line.Trim())}' is not a number (expected one loss value per line)");
            }

            Add(losses, value, number);
        }
        while (lines.NextContent(out line, out number));

        return LossLog.FromValues(losses);
    }

    private static LossLog Csv(LineReader lines, string header, int headerLine, string? column)
    {
        var delimiter = Delimiter(header);
        var names = SplitCells(header, delimiter, headerLine).Select(n => n.Trim()).ToArray();
        var tensorBoard = names.Length == 3 && names[0].Equals("Wall time", StringComparison.OrdinalIgnoreCase)
            && names[1].Equals("Step", StringComparison.OrdinalIgnoreCase) && names[2].Equals("Value", StringComparison.OrdinalIgnoreCase);
        var lossIndex = LossColumn(names, column, headerLine);
        var stepIndex = -1;
        foreach (var candidate in _stepColumns)
        {
            var at = Array.FindIndex(names, n => n.Equals(candidate, StringComparison.OrdinalIgnoreCase));
            if (at >= 0)
            {
                stepIndex = at;
                break;
            }
        }

        var losses = new List<double>();
        var steps = new List<double>();
        while (lines.NextContent(out var line, out var number))
        {
            var cells = SplitCells(line, delimiter, number);
            if (cells.Count > names.Length)
            {
                throw Error(number, $"{cells.Count} cells, but the header names {names.Length} columns");
            }

            var cell = lossIndex < cells.Count ? cells[lossIndex].Trim() : string.Empty;
            if (cell.Length == 0)
            {
                continue;
            }

            if (!TryParseNumber(cell, out var loss))
            {
                throw Error(number, $"column '{Clip(names[lossIndex])}': '{Clip(cell)}' is not a number");
            }

            var step = steps.Count > 0 ? steps[^1] + 1 : 0;
            var stepCell = stepIndex >= 0 && stepIndex < cells.Count ? cells[stepIndex].Trim() : string.Empty;
            if (stepCell.Length > 0 && (!TryParseNumber(stepCell, out step) || !double.IsFinite(step)))
            {
                throw Error(number, $"column '{Clip(names[stepIndex])}': '{Clip(stepCell)}' is not a finite number");
            }

            Add(losses, loss, number);
            steps.Add(step);
        }

        if (losses.Count == 0)
        {
            throw Error(headerLine, $"column '{Clip(names[lossIndex])}' holds no values");
        }

        return new LossLog(losses, steps, tensorBoard ? LossLogFormat.TensorBoard : LossLogFormat.Csv, names[lossIndex]);
    }

    private static int LossColumn(string[] names, string? column, int headerLine)
    {
        if (column is not null)
        {
            var named = Array.FindIndex(names, n => n.Equals(column.Trim(), StringComparison.OrdinalIgnoreCase));
            return named >= 0
                ? named
                : throw Error(headerLine, $"--column {column}: no such column (columns: {string.Join(", ", names.Select(Clip))})");
        }

        foreach (var candidate in _lossColumns)
        {
            var at = Array.FindIndex(names, n => n.Equals(candidate, StringComparison.OrdinalIgnoreCase));
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

        throw Error(headerLine, $"no column named loss or train_loss; choose one with --column (columns: {string.Join(", ", names.Select(Clip))})");
    }

    private static char Delimiter(string header) =>
        header.Contains(',') ? ',' : header.Contains('\t') ? '\t' : header.Contains(';') ? ';' : ',';

    /// <summary>RFC 4180 cells of one line: quotes may wrap a cell, a doubled quote inside is a quote.</summary>
    private static List<string> SplitCells(string line, char delimiter, int number)
    {
        if (!line.Contains('"'))
        {
            return [.. line.Split(delimiter)];
        }

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

    internal static void Add(List<double> losses, double value, int line)
    {
        if (losses.Count >= MaxValues)
        {
            throw Error(line, string.Create(CultureInfo.InvariantCulture, $"more than {MaxValues:N0} loss values; thin the log first"));
        }

        losses.Add(value);
    }

    internal static InputException Error(int line, string message) =>
        new(string.Create(CultureInfo.InvariantCulture, $"line {line}: {message}"), line);

    // Echoed input stays on one line and short, whatever the file held.
    internal static string Clip(string text)
    {
        var line = string.Create(text.Length, text, (span, t) =>
        {
            for (var i = 0; i < t.Length; i++)
            {
                span[i] = char.IsControl(t[i]) ? ' ' : t[i];
            }
        });
        return line.Length <= 40 ? line : line[..37] + "...";
    }

    private static InputException TooLarge() =>
        new(string.Create(CultureInfo.InvariantCulture, $"line 1: the log is larger than {MaxCharacters / (1024 * 1024)} MB; thin it first (every 10th step is plenty)"), 1);

    /// <summary>Walks the lines of a text, skipping blank ones and '#' comments, counting from 1.</summary>
    private sealed class LineReader(string text)
    {
        private int _position;
        private int _number;

        public bool NextContent(out string line, out int number)
        {
            while (_position < text.Length || (_position == text.Length && _number == 0))
            {
                var end = text.IndexOf('\n', _position);
                var stop = end < 0 ? text.Length : end;
                var content = text.AsSpan(_position, stop - _position).TrimEnd('\r');
                if (_number == 0 && content.Length > 0 && content[0] == '\uFEFF')
                {
                    content = content[1..];
                }

                _number++;
                _position = stop + 1;
                var trimmed = content.Trim();
                if (trimmed.Length > 0 && trimmed[0] != '#')
                {
                    line = content.ToString();
                    number = _number;
                    return true;
                }
            }

            line = string.Empty;
            number = _number;
            return false;
        }
    }
}
