using LrLab.Web.Interop;

namespace LrLab.Web.Components.Charts;

/// <summary>
/// Places the labels of vertical marker lines (and of shaded ranges) in the rows above the plot so none
/// overprints another: each label, in the given order (earlier ones win), takes the first row where it clears
/// the labels already there; a label that fits no row is left out while its line or band is still drawn.
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
    /// Where each label goes, for markers at pixel <c>X</c> on a plot spanning <paramref name="left"/> to
    /// <paramref name="right"/>. Markers off the plot or without a label get no entry; so do those that collide in every row.
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
            var (from, align) = x - (width / 2) < left ? (x, TextAlign.Left)
                : x + (width / 2) > right ? (x - width, TextAlign.Right)
                : (x - (width / 2), TextAlign.Center);
            var to = from + width;
            for (var row = 0; row < Rows; row++)
            {
                if (taken[row].All(t => to + Gap <= t.From || from >= t.To + Gap))
                {
                    taken[row].Add((from, to));
                    placed.Add(new MarkerLabel(i, x, row, align));
                    break;
                }
            }
        }

        return placed;
    }
}
