namespace LrLab.Core.Plotting;

/// <summary>Which end of a label sits at its x (SVG's text-anchor, canvas's textAlign).</summary>
public enum LabelAnchor
{
    /// <summary>The text starts at x.</summary>
    Start,

    /// <summary>The text is centred on x.</summary>
    Middle,

    /// <summary>The text ends at x.</summary>
    End,
}
