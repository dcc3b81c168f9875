namespace LrLab.Core.Plotting;

/// <summary>A dashed vertical line at <paramref name="X"/> with a label (a theory limit such as 2/λmax).</summary>
/// <param name="X">Position on the x axis (data units).</param>
/// <param name="Label">Text written beside the line.</param>
public sealed record ChartMarker(double X, string Label);
