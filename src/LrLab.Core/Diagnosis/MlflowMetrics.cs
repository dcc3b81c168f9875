using static LrLab.Core.Diagnosis.LossLogParser;

namespace LrLab.Core.Diagnosis;

/// <summary>
/// An MLflow file-store metric file (<c>mlruns/&lt;experiment&gt;/&lt;run&gt;/metrics/&lt;key&gt;</c>): one line per
/// logged value, <c>timestamp value step</c> separated by spaces (files from before MLflow 1.0 have no step). The
/// timestamp is milliseconds since 1970.
/// </summary>
internal static class MlflowMetrics
{
    /// <summary>Two or three space-separated numbers, the first a whole number of milliseconds.</summary>
    public static bool Matches(ReadOnlySpan<char> line)
    {
        if (line.ContainsAny(',', '\t', ';'))
        {
            return false;
        }

        Span<Range> parts = stackalloc Range[4];
        var count = Tokens(line, parts);
        return count is 2 or 3
            && long.TryParse(line[parts[0]], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms) && ms >= 0
            && TryParseNumber(line[parts[1]], out _)
            && (count == 2 || TryParseNumber(line[parts[2]], out _));
    }

    public static LossLog Read(TextLines lines, ReadOnlySpan<char> first)
    {
        var losses = new ChunkedValues();
        var steps = new ChunkedValues(compactRuns: true);
        Span<Range> parts = stackalloc Range[4];
        var line = first;
        do
        {
            var number = lines.Number;
            var count = Tokens(line, parts);
            if (count is not (2 or 3))
            {
                throw Error(number, $"expected 'timestamp value step' (an MLflow metric line), found {Math.Min(count, 4)}{(count > 3 ? "+" : string.Empty)} fields");
            }

            if (!TryParseNumber(line[parts[1]], out var value))
            {
                throw Error(number, $"value '{Clip(line[parts[1]].ToString())}' is not a number");
            }

            var step = steps.Count > 0 ? steps.Last + 1 : 0;
            if (count == 3 && (!TryParseNumber(line[parts[2]], out step) || !double.IsFinite(step)))
            {
                throw Error(number, $"step '{Clip(line[parts[2]].ToString())}' is not a finite number");
            }

            Add(losses, value, number);
            steps.Add(step);
        }
        while (lines.Next(out line));

        return new LossLog(losses, steps, LossLogFormat.Mlflow, string.Empty);
    }

    /// <summary>Whitespace-separated tokens; returns parts.Length when there are at least that many.</summary>
    private static int Tokens(ReadOnlySpan<char> line, Span<Range> parts)
    {
        var count = 0;
        var i = 0;
        while (i < line.Length && count < parts.Length)
        {
            while (i < line.Length && char.IsWhiteSpace(line[i]))
            {
                i++;
            }

            if (i == line.Length)
            {
                break;
            }

            var start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i]))
            {
                i++;
            }

            parts[count++] = new Range(start, i);
        }

        return count;
    }
}
