namespace LrLab.Web.Components.Charts;

/// <summary>
/// The web charts' name for Core's one palette (<see cref="Core.Plotting.Palette"/>), so a series has the same colour on
/// screen and in its downloaded SVG.
/// </summary>
public static class Palette
{
    /// <summary>Blue, vermillion, bluish green, orange, reddish purple, sky blue, yellow, black.</summary>
    public static IReadOnlyList<string> OkabeIto => Core.Plotting.Palette.Series;

    /// <summary>The colour of the series at this index (wraps around).</summary>
    public static string At(int index) => Core.Plotting.Palette.Of(index);
}
