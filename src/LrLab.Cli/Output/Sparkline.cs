namespace LrLab.Cli.Output;

/// <summary>
/// A one-line chart of a series in Unicode block characters (▁ lowest … █ highest), at most <c>width</c> cells,
/// each the median of its share of the values; a cell holding a NaN or an infinity shows ✕. The scale is
/// logarithmic when the values are positive and span more than a factor of 50, so a blow-up does not flatten the rest.
/// </summary>
internal static class Sparkline
{
    private const string Blocks = "▁▂▃▄▅▆▇█";

    public static string Render(IReadOnlyList<double> values, int width)
    {
        if (values.Count == 0)
        {
            return string.Empty;
        }

        var cells = Math.Min(width, values.Count);
        var levels = new double[cells];
        var bad = new bool[cells];
        for (var c = 0; c < cells; c++)
        {
            var from = (int)((long)c * values.Count / cells);
            var to = (int)((long)(c + 1) * values.Count / cells);
            var finite = new List<double>(to - from);
            for (var i = from; i < to; i++)
            {
                if (double.IsFinite(values[i]))
                {
                    finite.Add(values[i]);
                }
                else
                {
                    bad[c] = true;
                }
            }

            finite.Sort();
            levels[c] = finite.Count == 0 ? double.NaN : finite[finite.Count / 2];
        }

        var present = levels.Where(double.IsFinite).ToArray();
        if (present.Length == 0)
        {
            return new string('✕', cells);
        }

        var (min, max) = (present.Min(), present.Max());
        var log = min > 0 && max / min > 50;
        double Scale(double v) => log ? Math.Log(v) : v;
        var (low, high) = (Scale(min), Scale(max));
        var chars = new char[cells];
        for (var c = 0; c < cells; c++)
        {
            if (bad[c] || double.IsNaN(levels[c]))
            {
                chars[c] = '✕';
                continue;
            }

            var t = high > low ? (Scale(levels[c]) - low) / (high - low) : 0.5;
            chars[c] = Blocks[(int)Math.Round(t * (Blocks.Length - 1))];
        }

        return new string(chars) + (log ? "  (log scale)" : string.Empty);
    }
}
