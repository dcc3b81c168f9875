namespace LrLab.Core.Plotting;

/// <summary>
/// One named line of a <see cref="Chart"/>. <see cref="X"/> may be empty: then point i sits at x = <see cref="XStart"/> + i
/// (a loss against step). Points that are not finite (or not positive on a log axis) break the line.
/// </summary>
/// <param name="Name">Legend text.</param>
/// <param name="Y">Vertical coordinates.</param>
public sealed record ChartSeries(string Name, ReadOnlyMemory<double> Y)
{
    /// <summary>A line through the points (<paramref name="x"/>[i], <paramref name="y"/>[i]).</summary>
    /// <param name="name">Legend text.</param>
    /// <param name="x">Horizontal coordinates, as many as <paramref name="y"/>.</param>
    /// <param name="y">Vertical coordinates.</param>
    /// <param name="markers">Also draw a dot at every point (for sparse data such as a sweep).</param>
    public ChartSeries(string name, ReadOnlyMemory<double> x, ReadOnlyMemory<double> y, bool markers = false)
        : this(name, y)
    {
        X = x;
        Markers = markers;
    }

    /// <summary>x of each point; empty means the index (plus <see cref="XStart"/>).</summary>
    public ReadOnlyMemory<double> X { get; init; }

    /// <summary>x of the first point when <see cref="X"/> is empty.</summary>
    public double XStart { get; init; }

    /// <summary>The line's colour; null takes the palette colour of its place (<see cref="Chart.ColorOf"/>).</summary>
    public string? Color { get; init; }

    /// <summary>Also draw a dot at every point.</summary>
    public bool Markers { get; init; }

    /// <summary>Draw the line dashed (a reference level such as 2/η rather than data).</summary>
    public bool Dashed { get; init; }

    /// <summary>
    /// A short name written at the end of the line on screen (e.g. the rate of a raced run), so the line can be told
    /// from the others without its colour; null writes nothing.
    /// </summary>
    public string? EndLabel { get; init; }

    /// <summary>Line width in pixels.</summary>
    public double Width { get; init; } = 2;

    /// <summary>Number of points.</summary>
    public int Count => Y.Length;

    /// <summary>x of point <paramref name="i"/>.</summary>
    public double XAt(int i) => X.IsEmpty ? XStart + i : X.Span[i];
}
