namespace LrLab.Web.Interop;

/// <summary>Vertical text anchor.</summary>
public enum TextBaseline
{
    /// <summary>y is the top.</summary>
    Top = 0,

    /// <summary>y is the middle.</summary>
    Middle = 1,

    /// <summary>y is the bottom.</summary>
    Bottom = 2,
}
