namespace LrLab.Core.Plotting;

/// <summary>A vertical line at <paramref name="X"/> with a label (a theory limit such as 2/λmax, a suggested rate).</summary>
/// <param name="X">Position on the x axis (data units).</param>
/// <param name="Label">Text written above the plot at the line.</param>
/// <param name="Color">Line and label colour.</param>
public sealed record ChartMarker(double X, string Label, string Color = Palette.Reference)
{
    /// <summary>Draw dashed (the default) or solid.</summary>
    public bool Dashed { get; init; } = true;
}
