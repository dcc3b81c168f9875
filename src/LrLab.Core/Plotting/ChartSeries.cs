namespace LrLab.Core.Plotting;

/// <summary>One line of a chart. Points that are not finite (or not positive on a log axis) break the line.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="X">Horizontal coordinates.</param>
/// <param name="Y">Vertical coordinates, as many as <paramref name="X"/>.</param>
/// <param name="Markers">Also draw a dot at every point (for sparse data such as a sweep).</param>
public sealed record ChartSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y, bool Markers = false)
{
    /// <summary>Draw the line dashed (a reference level such as 2/η rather than data).</summary>
    public bool Dashed { get; init; }
}
