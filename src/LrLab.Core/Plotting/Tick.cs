namespace LrLab.Core.Plotting;

/// <summary>One axis tick: its value and the label both chart back ends print under (or beside) it.</summary>
/// <param name="Value">Where the tick sits (data units).</param>
/// <param name="Label">Its text.</param>
public readonly record struct Tick(double Value, string Label);
