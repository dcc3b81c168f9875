namespace LrLab.Web.Components.Charts;

/// <summary>
/// The Okabe–Ito palette: eight colours that stay distinct for the common forms of colour blindness.
/// Series take them in this order.
/// </summary>
public static class Palette
{
    /// <summary>Blue, vermillion, bluish green, orange, reddish purple, sky blue, yellow, black.</summary>
    public static IReadOnlyList<string> OkabeIto { get; } =
        ["#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"];

    /// <summary>The colour of the series at this index (wraps around).</summary>
    public static string At(int index) => OkabeIto[((index % OkabeIto.Count) + OkabeIto.Count) % OkabeIto.Count];
}
