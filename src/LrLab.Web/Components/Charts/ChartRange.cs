namespace LrLab.Web.Components.Charts;

/// <summary>A shaded band over x from <see cref="From"/> to <see cref="To"/>, labelled at its top.</summary>
public sealed record ChartRange(double From, double To, string Label, string Color);
