namespace LrLab.Core.Plotting;

/// <summary>
/// The Okabe–Ito colours, distinguishable with the common forms of colour blindness, and the lab's colours for the
/// three regimes (too small: sky blue, just right: bluish green, too large: vermillion). Every chart colour of the CLI
/// and the web comes from here (chart chrome such as ink and grid: <see cref="ChartStyle"/>).
/// </summary>
public static class Palette
{
    /// <summary>Okabe–Ito blue.</summary>
    public const string Blue = "#0072B2";

    /// <summary>Okabe–Ito vermillion.</summary>
    public const string Vermillion = "#D55E00";

    /// <summary>Okabe–Ito bluish green.</summary>
    public const string BluishGreen = "#009E73";

    /// <summary>Okabe–Ito orange.</summary>
    public const string Orange = "#E69F00";

    /// <summary>Okabe–Ito reddish purple.</summary>
    public const string ReddishPurple = "#CC79A7";

    /// <summary>Okabe–Ito sky blue.</summary>
    public const string SkyBlue = "#56B4E9";

    /// <summary>Okabe–Ito yellow.</summary>
    public const string Yellow = "#F0E442";

    /// <summary>Black.</summary>
    public const string Black = "#000000";

    /// <summary>Dark grey of reference lines that are not data (1/λmax, a typical ratio).</summary>
    public const string Reference = "#555555";

    /// <summary>
    /// Series colours in order: blue, vermillion, bluish green, orange, reddish purple, sky blue, yellow, black. The one
    /// order for every chart, on screen (the web's canvas charts) and in SVG files (CLI <c>--plot</c>, web downloads).
    /// </summary>
    public static IReadOnlyList<string> Series { get; } = [Blue, Vermillion, BluishGreen, Orange, ReddishPurple, SkyBlue, Yellow, Black];

    /// <summary>Too small.</summary>
    public const string TooSmall = SkyBlue;

    /// <summary>Just right.</summary>
    public const string JustRight = BluishGreen;

    /// <summary>Too large.</summary>
    public const string TooLarge = Vermillion;

    /// <summary>Inconclusive.</summary>
    public const string Inconclusive = "#999999";

    /// <summary>The colour of series number <paramref name="index"/> (wrapping around).</summary>
    public static string Of(int index) => Series[((index % Series.Count) + Series.Count) % Series.Count];
}
