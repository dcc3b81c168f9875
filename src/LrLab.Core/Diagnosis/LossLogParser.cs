using System.Globalization;

namespace LrLab.Core.Diagnosis;

/// <summary>
/// Reads a loss log from text, recognising the format by its content: CSV with a header row (a training script's
/// <c>step,loss</c>, Keras' CSVLogger, Lightning's metrics.csv, TensorBoard's CSV export, a W&amp;B export), a JSON
/// array or object (HuggingFace's <c>trainer_state.json</c> too), an MLflow metric file, or one number per line.
/// CSV, MLflow and plain numbers are read line by line, so a ten-million-line log streams through. <c>nan</c>,
/// <c>inf</c> and <c>-inf</c> are accepted in any spelling Python, NumPy or .NET prints. Anything unreadable is an
/// <see cref="InputException"/> whose message starts with "line N:" and whose <see cref="InputException.Position"/>
/// is that line. Binary TensorBoard event files are read by <see cref="LossLogReader"/>.
/// </summary>
public static class LossLogParser
{
    /// <summary>The largest JSON log read, in characters (a CSV or plain log streams and has no such limit).</summary>
    public const int MaxCharacters = 64 * 1024 * 1024;

    /// <summary>
    /// The largest log read line by line, in characters (1 Gi: a ten-million-line CSV is about 170 M), so an endless
    /// or absurd stream stops with a message instead of running on.
    /// </summary>
    public const long MaxStreamCharacters = 1L << 30;

    /// <summary>The most loss values read from one log.</summary>
    public const int MaxValues = 20_000_000;

    /// <summary>Parses a whole log held in a string; the log must hold one run.</summary>
    /// <param name="text">The log's text.</param>
    /// <param name="column">The CSV column or JSON property holding the loss; null picks <c>loss</c>, <c>train_loss</c>, ….</param>
    public static LossLog Parse(string text, string? column = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Single(ParseRuns(new StringReader(text), new LossLogOptions(column)));
    }

    /// <summary>Reads a log from a stream of text; the log must hold one run.</summary>
    /// <param name="reader">The log's text.</param>
    /// <param name="column">The CSV column or JSON property holding the loss; null picks <c>loss</c>, <c>train_loss</c>, ….</param>
    public static LossLog Parse(TextReader reader, string? column = null) => Single(ParseRuns(reader, new LossLogOptions(column)));

    /// <summary>Reads every run a text log holds (a W&amp;B export may hold several; every other format one).</summary>
    public static IReadOnlyList<LossLog> ParseRuns(TextReader reader, LossLogOptions options)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        var lines = new TextLines(reader);
        if (!lines.Next(out var first))
        {
            throw new InputException("line 1: the log is empty: it holds no loss values", 1);
        }

        var firstLine = lines.Number;
        var trimmed = first.TrimStart();
        if (trimmed.StartsWith('[') || trimmed.StartsWith('{'))
        {
            var text = new string('\n', firstLine - 1) + first.ToString() + "\n" + lines.Rest();
            return [JsonLossLog.Parse(text, options.Series)];
        }

        if (MlflowMetrics.Matches(first))
        {
            return [MlflowMetrics.Read(lines, first)];
        }

        if (TryParseNumber(first, out _))
        {
            if (options.Column is { } column)
            {
                throw InputException.For("column", $"'{Clip(column)}': the log has no header row naming its columns", firstLine);
            }

            return [PlainNumbers(lines, first)];
        }

        var delimiter = CsvLossLog.Delimiter(first);
        var header = first.ToString();
        var names = CsvLossLog.Header(header, delimiter, firstLine);
        if (names.Length > 1 && names.All(c => TryParseNumber(c, out _)))
        {
            throw Error(firstLine, "several numbers but no header row: add a header naming the columns, e.g. step,loss");
        }

        return WandbCsv.Matches(names)
            ? WandbCsv.Read(lines, names, delimiter, firstLine, options.Series, options.SeriesParameter)
            : [CsvLossLog.Read(lines, names, delimiter, firstLine, options.Column)];
    }

    /// <summary>
    /// Reads one number the way a loss log writes it: invariant culture, plus <c>nan</c>, <c>inf</c>, <c>-inf</c>,
    /// <c>infinity</c> in any case (and quotes around it). Returns false for anything else.
    /// </summary>
    public static bool TryParseNumber(ReadOnlySpan<char> text, out double value)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            // .NET reads "NaN", "Infinity" and "∞" itself; the checks below add the other spellings.
            return true;
        }

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

    private static LossLog Single(IReadOnlyList<LossLog> runs) =>
        runs.Count == 1
            ? runs[0]
            : throw new InputException($"line 1: the log holds {runs.Count} runs ({CsvLossLog.List(runs.Select(r => r.Run))}); diagnose them together as a comparison", 1);

    private static LossLog PlainNumbers(TextLines lines, ReadOnlySpan<char> first)
    {
        var losses = new ChunkedValues();
        var line = first;
        do
        {
            if (!TryParseNumber(line, out var value))
            {
                throw Error(lines.Number, $"'{Clip(line.Trim().ToString())}' is not a number (expected one loss value per line)");
            }

            Add(losses, value, lines.Number);
        }
        while (lines.Next(out line));

        var steps = new ChunkedValues(compactRuns: true);
        for (var i = 0; i < losses.Count; i++)
        {
            steps.Add(i);
        }

        return new LossLog(losses, steps, LossLogFormat.Lines, string.Empty);
    }

    internal static void Add(ChunkedValues losses, double value, int line)
    {
        if (losses.Count >= MaxValues)
        {
            throw TooMany(line);
        }

        losses.Add(value);
    }

    internal static void Add(List<double> losses, double value, int line)
    {
        if (losses.Count >= MaxValues)
        {
            throw TooMany(line);
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

    internal static InputException TooLarge(long limit = MaxCharacters) =>
        new(string.Create(CultureInfo.InvariantCulture, $"line 1: the log is larger than {limit / (1024 * 1024)} MB; thin it first (every 10th step is plenty)"), 1);

    private static InputException TooMany(int line) =>
        Error(line, string.Create(CultureInfo.InvariantCulture, $"more than {MaxValues:N0} loss values; thin the log first"));
}
