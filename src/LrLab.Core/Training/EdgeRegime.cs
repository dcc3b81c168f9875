namespace LrLab.Core.Training;

/// <summary>Where a run's settled sharpness sits against 2/η (see <see cref="EdgeSummary.Regime"/>).</summary>
public enum EdgeRegime
{
    /// <summary>Well below 2/η: the rate never pushed the curvature to its limit.</summary>
    Below,

    /// <summary>Close under 2/η: rising towards the edge, not yet hovering at it.</summary>
    Approaching,

    /// <summary>Hovering at about 2/η: the edge of stability.</summary>
    AtEdge,

    /// <summary>Clearly above 2/η (gradient descent is no longer stable along the top direction).</summary>
    Above,
}
