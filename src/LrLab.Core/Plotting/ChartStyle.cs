namespace LrLab.Core.Plotting;

/// <summary>The chrome both chart back ends draw with (SVG files and the web's canvas): ink, grid, frame, opacities, sizes.</summary>
public static class ChartStyle
{
    /// <summary>Text and axis titles.</summary>
    public const string Ink = "#1b2733";

    /// <summary>Tick labels.</summary>
    public const string Muted = "#5a6776";

    /// <summary>Grid lines at the ticks.</summary>
    public const string Grid = "#e3e8ee";

    /// <summary>The frame around the plot area.</summary>
    public const string Frame = "#9aa7b4";

    /// <summary>Behind the plot.</summary>
    public const string Background = "#ffffff";

    /// <summary>How opaque a shaded band is.</summary>
    public const double BandOpacity = 0.16;

    /// <summary>Dash length of dashed lines (markers, reference series) in pixels.</summary>
    public const double Dash = 5;

    /// <summary>Height of one row of marker labels above the plot, in pixels.</summary>
    public const double LabelRow = 14;

    /// <summary>Radius of an emphasised point's ring.</summary>
    public const double PointRadius = 5;

    /// <summary>Radius of the dot drawn at each point of a series with markers.</summary>
    public const double DotRadius = 2.5;
}
