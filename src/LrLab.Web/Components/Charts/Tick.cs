namespace LrLab.Web.Components.Charts;

/// <summary>One axis tick: its value and its label.</summary>
public readonly record struct Tick(double Value, string Label);
