namespace LrLab.Web.Components.Charts;

/// <summary>The data point nearest the pointer.</summary>
public readonly record struct ChartHit(int Series, int Index, double X, double Y, double PixelX, double PixelY);
