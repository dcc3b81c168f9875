using System.Text;

namespace LrLab.Cli.Output;

/// <summary>A one-line sparkline of a curve for terminals, with a marker row underneath.</summary>
internal static class TextPlot
{
    private const string Bars = "▁▂▃▄▅▆▇█";

    /// <summary>
    /// Resamples <paramref name="values"/> to at most <paramref name="width"/> columns (each column the mean of its
    /// points) and draws them as block characters between <paramref name="low"/> and <paramref name="high"/>
    /// (values outside are clipped, non-finite ones drawn as '×').
    /// </summary>
    public static string Sparkline(IReadOnlyList<double> values, int width, double low, double high)
    {
        var columns = Math.Min(width, values.Count);
        var text = new StringBuilder(columns);
        for (var c = 0; c < columns; c++)
        {
            var (from, to) = Span(values.Count, columns, c);
            var sum = 0.0;
            var finite = true;
            for (var i = from; i < to; i++)
            {
                finite &= double.IsFinite(values[i]);
                sum += values[i];
            }

            if (!finite)
            {
                text.Append('×');
                continue;
            }

            var mean = sum / (to - from);
            var level = high > low ? (Math.Clamp(mean, low, high) - low) / (high - low) : 0.0;
            text.Append(Bars[(int)Math.Round(level * (Bars.Length - 1))]);
        }

        return text.ToString();
    }

    /// <summary>The column that point <paramref name="index"/> of <paramref name="count"/> falls in.</summary>
    public static int Column(int index, int count, int width)
    {
        var columns = Math.Min(width, count);
        return Math.Min(columns - 1, (int)((long)index * columns / count));
    }

    /// <summary>A row of spaces with <paramref name="marks"/> (column, character) placed; later marks win.</summary>
    public static string Markers(int columns, IEnumerable<(int Column, char Mark)> marks)
    {
        var row = new char[columns];
        Array.Fill(row, ' ');
        foreach (var (column, mark) in marks)
        {
            if (column >= 0 && column < columns)
            {
                row[column] = mark;
            }
        }

        return new string(row).TrimEnd();
    }

    private static (int From, int To) Span(int count, int columns, int column)
    {
        var from = (int)((long)column * count / columns);
        var to = (int)((long)(column + 1) * count / columns);
        return (from, Math.Max(to, from + 1));
    }
}
