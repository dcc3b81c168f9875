using LrLab.Core.Plotting;

namespace LrLab.Web.Components.Charts;

/// <summary>Where the plot area ended up and how it maps values: what hover needs to find a point.</summary>
public sealed record ChartLayout(double Left, double Top, double Width, double Height, Scale X, Scale Y)
{
    /// <summary>Whether a pixel lies inside the plot area.</summary>
    public bool Contains(double px, double py) => px >= Left && px <= Left + Width && py >= Top && py <= Top + Height;
}
