namespace LrLab.Web.Components.Charts;

/// <summary>A vertical line at <see cref="X"/> with a label (a theory limit, a suggested rate).</summary>
public sealed record ChartMarker(double X, string Label, string Color)
{
    /// <summary>Draw dashed (the default) or solid.</summary>
    public bool Dashed { get; init; } = true;
}
