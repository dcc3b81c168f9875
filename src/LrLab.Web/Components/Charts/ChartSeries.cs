namespace LrLab.Web.Components.Charts;

/// <summary>
/// One named line. <see cref="X"/> may be empty: then point i sits at x = <see cref="XStart"/> + i
/// (a loss against step). NaN, infinite and (on a log axis) non-positive values leave a gap.
/// </summary>
public sealed record ChartSeries(string Name, string Color, ReadOnlyMemory<double> Y)
{
    /// <summary>x of each point; empty means the index.</summary>
    public ReadOnlyMemory<double> X { get; init; }

    /// <summary>x of the first point when <see cref="X"/> is empty.</summary>
    public double XStart { get; init; }

    /// <summary>Draw a dot at every point too.</summary>
    public bool Markers { get; init; }

    /// <summary>Draw dashed.</summary>
    public bool Dashed { get; init; }

    /// <summary>A short name written at the end of the line (e.g. the rate of a raced run), so the
    /// line can be told from the others without its colour; null writes nothing.</summary>
    public string? EndLabel { get; init; }

    /// <summary>Line width in CSS pixels.</summary>
    public double Width { get; init; } = 2;

    /// <summary>Number of points.</summary>
    public int Count => Y.Length;

    /// <summary>x of point i.</summary>
    public double XAt(int i) => X.IsEmpty ? XStart + i : X.Span[i];
}
