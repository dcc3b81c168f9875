namespace LrLab.Core.Plotting;

/// <summary>
/// Places the labels of vertical marker lines (and of shaded bands) in the rows above the plot so none overprints
/// another: each label, in the given order (earlier ones win), takes the first row where it clears the labels already
/// there; a label that fits no row is left out while its line or band is still drawn. Both back ends use it.
/// </summary>
public static class MarkerLabels
{
    /// <summary>Most rows of labels above the plot (the layout reserves room for the rows in use).</summary>
    public const int Rows = 3;

    /// <summary>Estimated width of one character of the 12 px chart font, generous for digits and Greek letters.</summary>
    public const double CharWidth = 6.8;

    /// <summary>Smallest horizontal space kept between two labels in the same row.</summary>
    public const double Gap = 6;

    /// <summary>Estimated width in pixels of <paramref name="label"/>.</summary>
    public static double Width(string label) => (label ?? string.Empty).Length * CharWidth;

    /// <summary>
    /// The labels of <paramref name="chart"/> at their pixel x on the x scale: the markers' (in order), then the bands'
    /// at the middle of the part of the band that shows (NaN when none does).
    /// </summary>
    public static IReadOnlyList<(double X, string Label)> Spots(Chart chart, Scale xs)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentNullException.ThrowIfNull(xs);
        return [.. chart.Markers.Select(m => (xs.Map(m.X), m.Label)), .. chart.Bands.Select(b => (BandSpan(b, xs) is { } s ? (s.From + s.To) / 2 : double.NaN, b.Label))];
    }

    /// <summary>The pixels a band covers on the x scale, clipped to the plot; null when none of it shows.</summary>
    public static (double From, double To)? BandSpan(ChartBand band, Scale xs)
    {
        ArgumentNullException.ThrowIfNull(band);
        ArgumentNullException.ThrowIfNull(xs);
        var (lo, hi) = (Math.Min(xs.From, xs.To), Math.Max(xs.From, xs.To));
        var a = xs.Map(Math.Max(Math.Min(band.From, band.To), xs.Min));
        var b = xs.Map(Math.Min(Math.Max(band.From, band.To), xs.Max));
        if (double.IsNaN(a) || double.IsNaN(b))
        {
            return null;
        }

        (a, b) = (Math.Clamp(a, lo, hi), Math.Clamp(b, lo, hi));
        return b > a ? (a, b) : null;
    }

    /// <summary>How many rows the labels of <paramref name="chart"/> take above a plot spanning the x scale.</summary>
    public static int RowsUsed(Chart chart, Scale xs) =>
        Place(Spots(chart, xs), Math.Min(xs.From, xs.To), Math.Max(xs.From, xs.To)).Select(p => p.Row + 1).DefaultIfEmpty(0).Max();

    /// <summary>
    /// Where each label goes, for labels at pixel <c>X</c> on a plot spanning <paramref name="left"/> to
    /// <paramref name="right"/>. Labels off the plot or empty get no entry; so do those that collide in every row.
    /// </summary>
    public static IReadOnlyList<MarkerLabel> Place(IReadOnlyList<(double X, string Label)> markers, double left, double right)
    {
        ArgumentNullException.ThrowIfNull(markers);
        var taken = new List<(double From, double To)>[Rows];
        for (var r = 0; r < Rows; r++)
        {
            taken[r] = [];
        }

        var placed = new List<MarkerLabel>();
        for (var i = 0; i < markers.Count; i++)
        {
            var (x, label) = markers[i];
            if (double.IsNaN(x) || x < left - 1 || x > right + 1 || string.IsNullOrEmpty(label))
            {
                continue;
            }

            var width = Width(label);
            var (from, anchor) = x - (width / 2) < left ? (x, LabelAnchor.Start)
                : x + (width / 2) > right ? (x - width, LabelAnchor.End)
                : (x - (width / 2), LabelAnchor.Middle);
            var to = from + width;
            for (var row = 0; row < Rows; row++)
            {
                if (taken[row].All(t => to + Gap <= t.From || from >= t.To + Gap))
                {
                    taken[row].Add((from, to));
                    placed.Add(new MarkerLabel(i, x, row, anchor));
                    break;
                }
            }
        }

        return placed;
    }
}
