namespace LrLab.Web.Components.Charts;

/// <summary>How one axis maps values: title, linear or log, and optional fixed limits.</summary>
public sealed record ChartAxis(string Title, bool Log = false)
{
    /// <summary>Fixed lower limit (otherwise from the data).</summary>
    public double? Min { get; init; }

    /// <summary>Fixed upper limit (otherwise from the data).</summary>
    public double? Max { get; init; }
}
