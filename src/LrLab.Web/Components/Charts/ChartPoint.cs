namespace LrLab.Web.Components.Charts;

/// <summary>A single emphasised point (a ring) with an optional label.</summary>
public sealed record ChartPoint(double X, double Y, string Color, string? Label = null);
