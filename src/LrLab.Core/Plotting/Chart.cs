namespace LrLab.Core.Plotting;

/// <summary>A line chart as data: what <see cref="SvgWriter"/> draws. Colours of series follow <see cref="Palette"/>.</summary>
/// <param name="Title">Heading above the plot.</param>
/// <param name="X">Horizontal axis.</param>
/// <param name="Y">Vertical axis.</param>
/// <param name="Series">The lines, in legend order.</param>
public sealed record Chart(string Title, Axis X, Axis Y, IReadOnlyList<ChartSeries> Series)
{
    /// <summary>Shaded x ranges drawn behind the lines.</summary>
    public IReadOnlyList<ChartBand> Bands { get; init; } = [];

    /// <summary>Labelled vertical lines.</summary>
    public IReadOnlyList<ChartMarker> Markers { get; init; } = [];

    /// <summary>Width of the picture in pixels.</summary>
    public int Width { get; init; } = 720;

    /// <summary>Height of the picture in pixels.</summary>
    public int Height { get; init; } = 420;
}
