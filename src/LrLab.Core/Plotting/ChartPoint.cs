namespace LrLab.Core.Plotting;

/// <summary>A single emphasised point, drawn as a ring, with an optional label.</summary>
/// <param name="X">Horizontal position (data units).</param>
/// <param name="Y">Vertical position (data units).</param>
/// <param name="Color">Ring colour.</param>
/// <param name="Label">What the point is (for readers and tests).</param>
public sealed record ChartPoint(double X, double Y, string Color, string? Label = null);
