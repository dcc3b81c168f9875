namespace LrLab.Core.Plotting;

/// <summary>An axis of a <see cref="Chart"/>: its label, whether it is logarithmic, and an optional fixed range.</summary>
/// <param name="Label">Text under (or beside) the axis.</param>
/// <param name="Log">Base-10 logarithmic scale; non-positive values are then left out.</param>
/// <param name="Min">Fixed lower end, or <c>null</c> to fit the data.</param>
/// <param name="Max">Fixed upper end, or <c>null</c> to fit the data.</param>
public sealed record Axis(string Label, bool Log = false, double? Min = null, double? Max = null)
{
    /// <summary>The title both back ends print: the label, and "(log)" on a log axis.</summary>
    public string Title => Log ? Label + " (log)" : Label;
}
