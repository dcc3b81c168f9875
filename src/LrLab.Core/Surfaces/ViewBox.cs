namespace LrLab.Core.Surfaces;

/// <summary>Axis-aligned rectangle the lab draws; for 1-D surfaces Y is the loss axis.</summary>
public readonly record struct ViewBox(double XMin, double XMax, double YMin, double YMax);
