namespace LrLab.Web.Interop;

/// <summary>Horizontal text anchor.</summary>
public enum TextAlign
{
    /// <summary>x is the left edge.</summary>
    Left = 0,

    /// <summary>x is the centre.</summary>
    Center = 1,

    /// <summary>x is the right edge.</summary>
    Right = 2,
}
