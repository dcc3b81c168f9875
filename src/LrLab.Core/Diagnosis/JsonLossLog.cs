using System.Text;
using System.Text.Json;

namespace LrLab.Core.Diagnosis;

/// <summary>
/// The JSON shapes of a loss log: <c>[0.8, 0.5, NaN]</c>, <c>[{"step": 0, "loss": 0.8}, …]</c> or
/// <c>{"loss": [0.8, 0.5]}</c>. Python's json module writes bare NaN and Infinity, which JSON forbids, so they are
/// quoted first (on the same line, so line numbers stay right).
/// </summary>
internal static class JsonLossLog
{
    private static readonly string[] _lossKeys = ["loss", "train_loss", "losses", "training_loss", "value"];
    private static readonly string[] _stepKeys = ["step", "global_step", "iteration", "epoch"];

    public static LossLog Parse(string text, string? column)
    {
        var bytes = Encoding.UTF8.GetBytes(QuoteBareLiterals(text));
        var lineStarts = LineStarts(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var losses = new List<double>();
        var steps = new List<double>();
        var rates = new List<double>();
        var key = column;
        var history = false;
        try
        {
            Read(ref reader, lineStarts);
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                key = ReadArray(ref reader, lineStarts, column, losses, steps);
            }
            else
            {
                (key, history) = ReadObjectWithArray(ref reader, lineStarts, column, losses, steps, rates);
            }

            if (reader.Read())
            {
                throw LossLogParser.Error(Line(lineStarts, reader.TokenStartIndex), "unexpected text after the end of the JSON value");
            }
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            throw LossLogParser.Error(line, Unclosed(text) ? "the JSON ends early (a bracket is not closed)" : "not valid JSON here");
        }

        if (losses.Count == 0)
        {
            throw LossLogParser.Error(1, "the JSON holds no loss values");
        }

        IReadOnlyList<double> stepList = steps.Count == losses.Count ? steps : [.. Enumerable.Range(0, losses.Count).Select(i => (double)i)];
        if (history)
        {
            return new LossLog(losses, stepList, LossLogFormat.HuggingFace, key ?? "loss")
            {
                Rates = rates.Count == losses.Count && rates.Any(double.IsFinite) ? rates : null,
            };
        }

        return new LossLog(losses, stepList, LossLogFormat.Json, key ?? string.Empty);
    }

    private static string? ReadArray(ref Utf8JsonReader reader, int[] lineStarts, string? column, List<double> losses, List<double> steps)
    {
        string? key = null;
        var objects = 0;
        while (Read(ref reader, lineStarts) && reader.TokenType != JsonTokenType.EndArray)
        {
            var line = Line(lineStarts, reader.TokenStartIndex);
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                objects++;
                var (loss, step, name) = ReadRecord(ref reader, lineStarts, column, line);
                if (loss is { } l)
                {
                    key ??= name;
                    LossLogParser.Add(losses, l, line);
                    steps.Add(step ?? (steps.Count > 0 ? steps[^1] + 1 : 0));
                }

                continue;
            }

            LossLogParser.Add(losses, Number(ref reader, line), line);
            steps.Add(steps.Count > 0 ? steps[^1] + 1 : 0);
        }

        if (objects > 0 && losses.Count == 0)
        {
            throw LossLogParser.Error(1, $"no object in the array has a {(column is null ? "loss" : $"'{column}'")} property");
        }

        return key;
    }

    /// <summary>One <c>{"step": 3, "loss": 0.5}</c> record; objects without the loss key are skipped (validation rows).</summary>
    private static (double? Loss, double? Step, string? Key) ReadRecord(ref Utf8JsonReader reader, int[] lineStarts, string? column, int line)
    {
        double? loss = null, step = null;
        string? key = null;
        var lossRank = int.MaxValue;
        var stepRank = int.MaxValue;
        while (Read(ref reader, lineStarts) && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString() ?? string.Empty;
            Read(ref reader, lineStarts);
            var valueLine = Line(lineStarts, reader.TokenStartIndex);
            var rank = column is null ? Array.FindIndex(_lossKeys, k => k.Equals(name, StringComparison.OrdinalIgnoreCase))
                : name.Equals(column, StringComparison.OrdinalIgnoreCase) ? 0 : -1;
            var stepAt = Array.FindIndex(_stepKeys, k => k.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (rank >= 0 && rank < lossRank)
            {
                lossRank = rank;
                key = name;
                loss = Number(ref reader, valueLine);
            }
            else if (stepAt >= 0 && stepAt < stepRank && reader.TokenType is JsonTokenType.Number)
            {
                stepRank = stepAt;
                step = reader.GetDouble();
            }
            else
            {
                reader.Skip();
            }
        }

        _ = line;
        return (loss, step, key);
    }

    private static (string Key, bool History) ReadObjectWithArray(ref Utf8JsonReader reader, int[] lineStarts, string? column, List<double> losses, List<double> steps, List<double> rates)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw LossLogParser.Error(Line(lineStarts, reader.TokenStartIndex), "expected a JSON array of losses or an object with a \"loss\" array");
        }

        var keys = new List<string>();
        string? found = null;
        var history = false;
        while (Read(ref reader, lineStarts) && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString() ?? string.Empty;
            keys.Add(name);
            Read(ref reader, lineStarts);
            if (name == HuggingFaceHistory.Key && found is null && reader.TokenType == JsonTokenType.StartArray)
            {
                found = HuggingFaceHistory.Read(ref reader, lineStarts, column, losses, steps, rates);
                history = true;
                continue;
            }

            var wanted = column is null
                ? found is null && _lossKeys.Contains(name, StringComparer.OrdinalIgnoreCase)
                : name.Equals(column, StringComparison.OrdinalIgnoreCase);
            if (!wanted)
            {
                reader.Skip();
                continue;
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw LossLogParser.Error(Line(lineStarts, reader.TokenStartIndex), $"\"{name}\" must be an array of numbers");
            }

            found = name;
            while (Read(ref reader, lineStarts) && reader.TokenType != JsonTokenType.EndArray)
            {
                var line = Line(lineStarts, reader.TokenStartIndex);
                LossLogParser.Add(losses, Number(ref reader, line), line);
            }
        }

        return (found ?? throw LossLogParser.Error(
            1,
            $"the object has no {(column is null ? "\"loss\"" : $"\"{column}\"")} array (keys: {string.Join(", ", keys)})"), history);
    }

    internal static double Number(ref Utf8JsonReader reader, int line)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                return reader.GetDouble();
            case JsonTokenType.Null:
                return double.NaN;
            case JsonTokenType.String:
                var text = reader.GetString() ?? string.Empty;
                return LossLogParser.TryParseNumber(text, out var value)
                    ? value
                    : throw LossLogParser.Error(line, $"\"{LossLogParser.Clip(text)}\" is not a number");
            default:
                throw LossLogParser.Error(line, $"expected a number, found {Describe(reader.TokenType)}");
        }
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.True or JsonTokenType.False => "true/false",
        _ => token.ToString(),
    };

    internal static bool Read(ref Utf8JsonReader reader, int[] lineStarts)
    {
        if (!reader.Read())
        {
            throw LossLogParser.Error(lineStarts.Length, "the JSON ends early (a bracket is not closed)");
        }

        return true;
    }

    private static bool Unclosed(string text)
    {
        var depth = 0;
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                i += c == '\\' ? 1 : 0;
                inString = c != '"';
            }
            else
            {
                inString = c == '"';
                depth += c is '[' or '{' ? 1 : c is ']' or '}' ? -1 : 0;
            }
        }

        return depth > 0;
    }

    private static int[] LineStarts(byte[] bytes)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }

    internal static int Line(int[] lineStarts, long offset)
    {
        var at = Array.BinarySearch(lineStarts, (int)offset);
        return (at >= 0 ? at : ~at - 1) + 1;
    }

    /// <summary>Wraps NaN, Infinity, -Infinity, nan, inf, -inf outside strings in quotes.</summary>
    private static string QuoteBareLiterals(string text)
    {
        var output = new StringBuilder(text.Length + 16);
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                output.Append(c);
                if (c == '\\' && i + 1 < text.Length)
                {
                    output.Append(text[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            if (c == '"')
            {
                inString = true;
                output.Append(c);
                continue;
            }

            if (char.IsLetter(c) || ((c == '-' || c == '+') && i + 1 < text.Length && char.IsLetter(text[i + 1])))
            {
                var end = i + 1;
                while (end < text.Length && char.IsLetter(text[end]))
                {
                    end++;
                }

                var word = text.AsSpan(i, end - i);
                if (LossLogParser.TryParseNumber(word, out var v) && !double.IsFinite(v))
                {
                    output.Append('"').Append(word).Append('"');
                }
                else
                {
                    output.Append(word);
                }

                i = end - 1;
                continue;
            }

            output.Append(c);
        }

        return output.ToString();
    }
}
