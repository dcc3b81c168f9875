namespace LrLab.Web.Finder;

/// <summary>What the finder page is doing.</summary>
public enum FinderPhase
{
    /// <summary>Waiting for the user.</summary>
    Idle,

    /// <summary>Fetching the digits.</summary>
    Loading,

    /// <summary>Running the range test.</summary>
    RangeTest,

    /// <summary>Training the side-by-side runs.</summary>
    Training,
}
