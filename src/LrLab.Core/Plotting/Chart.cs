namespace LrLab.Core.Plotting;

/// <summary>
/// A line chart as data: what <see cref="SvgWriter"/> writes (CLI <c>--plot</c>, web downloads) and what the web's canvas
/// chart draws. A series without its own colour takes <see cref="Palette"/>'s colour of its place.
/// </summary>
/// <param name="Title">Heading above the plot (in SVG files; the web page has its own heading).</param>
/// <param name="X">Horizontal axis.</param>
/// <param name="Y">Vertical axis.</param>
/// <param name="Series">The lines, in legend order.</param>
public sealed record Chart(string Title, Axis X, Axis Y, IReadOnlyList<ChartSeries> Series)
{
    /// <summary>Shaded x ranges drawn behind the lines.</summary>
    public IReadOnlyList<ChartBand> Bands { get; init; } = [];

    /// <summary>Labelled vertical lines, most telling first (a label that cannot be placed is left out).</summary>
    public IReadOnlyList<ChartMarker> Markers { get; init; } = [];

    /// <summary>Emphasised points.</summary>
    public IReadOnlyList<ChartPoint> Points { get; init; } = [];

    /// <summary>Show the legend (default: in SVG files whenever there is a series or band, on screen from two series on).</summary>
    public bool? ShowLegend { get; init; }

    /// <summary>How a readout prints x (default: 4 significant digits).</summary>
    public Func<double, string>? FormatX { get; init; }

    /// <summary>How a readout prints y (default: 4 significant digits).</summary>
    public Func<double, string>? FormatY { get; init; }

    /// <summary>Width of the SVG picture in pixels.</summary>
    public int Width { get; init; } = 720;

    /// <summary>Height of the SVG picture in pixels.</summary>
    public int Height { get; init; } = 420;

    /// <summary>The colour of series <paramref name="index"/>: its own, else the palette's at its place.</summary>
    public string ColorOf(int index) => Series[index].Color ?? Palette.Of(index);

    /// <summary>Every x value the axis must show: the series' (their first and last index when they have no x) and the points'.</summary>
    public IEnumerable<double> XValues()
    {
        foreach (var s in Series)
        {
            if (s.Count == 0)
            {
                continue;
            }

            if (s.X.IsEmpty)
            {
                yield return s.XStart;
                yield return s.XStart + s.Count - 1;
                continue;
            }

            for (var i = 0; i < s.X.Length; i++)
            {
                yield return s.X.Span[i];
            }
        }

        foreach (var p in Points)
        {
            yield return p.X;
        }
    }

    /// <summary>Every y value the axis must show: the series' and the points'.</summary>
    public IEnumerable<double> YValues()
    {
        foreach (var s in Series)
        {
            for (var i = 0; i < s.Y.Length; i++)
            {
                yield return s.Y.Span[i];
            }
        }

        foreach (var p in Points)
        {
            yield return p.Y;
        }
    }
}
