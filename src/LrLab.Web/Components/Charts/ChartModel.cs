namespace LrLab.Web.Components.Charts;

/// <summary>Everything a <see cref="LineChart"/> shows; plain data, so pages build it and tests inspect it.</summary>
public sealed record ChartModel(IReadOnlyList<ChartSeries> Series, ChartAxis X, ChartAxis Y)
{
    /// <summary>Shaded x-ranges, drawn under the lines.</summary>
    public IReadOnlyList<ChartRange> Ranges { get; init; } = [];

    /// <summary>Vertical marker lines.</summary>
    public IReadOnlyList<ChartMarker> Markers { get; init; } = [];

    /// <summary>Emphasised points.</summary>
    public IReadOnlyList<ChartPoint> Points { get; init; } = [];

    /// <summary>Show the legend under the chart (default on when there are two or more series).</summary>
    public bool? ShowLegend { get; init; }

    /// <summary>How hover readouts print x (default: the tick format).</summary>
    public Func<double, string>? FormatX { get; init; }

    /// <summary>How hover readouts print y (default: 4 significant digits).</summary>
    public Func<double, string>? FormatY { get; init; }
}
