namespace LrLab.Core.Plotting;

/// <summary>
/// The Okabe–Ito colours, distinguishable with the common forms of colour blindness, and the lab's colours for the
/// three regimes (too small: blue, just right: bluish green, too large: vermillion).
/// </summary>
public static class Palette
{
    /// <summary>
    /// Series colours in order: blue, vermillion, bluish green, orange, reddish purple, sky blue, yellow, black. The one
    /// order for every chart, on screen (the web's canvas charts) and in SVG files (CLI <c>--plot</c>, web downloads).
    /// </summary>
    public static IReadOnlyList<string> Series { get; } = ["#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"];

    /// <summary>Too small.</summary>
    public const string TooSmall = "#56B4E9";

    /// <summary>Just right.</summary>
    public const string JustRight = "#009E73";

    /// <summary>Too large.</summary>
    public const string TooLarge = "#D55E00";

    /// <summary>Inconclusive.</summary>
    public const string Inconclusive = "#999999";

    /// <summary>The colour of series number <paramref name="index"/> (wrapping around).</summary>
    public static string Of(int index) => Series[((index % Series.Count) + Series.Count) % Series.Count];
}
