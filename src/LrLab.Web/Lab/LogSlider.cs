namespace LrLab.Web.Lab;

/// <summary>
/// The learning-rate slider works on log10(lr) between 10⁻⁵ and 10¹, so every decade gets the same length.
/// </summary>
public static class LogSlider
{
    /// <summary>log10 of the smallest rate on the slider.</summary>
    public const double MinExponent = -5;

    /// <summary>log10 of the largest rate on the slider.</summary>
    public const double MaxExponent = 1;

    /// <summary>Slider resolution in decades.</summary>
    public const double Step = 0.001;

    /// <summary>Slider position (log10, clamped) for a rate.</summary>
    public static double ToPosition(double lr) => Math.Clamp(Math.Log10(lr), MinExponent, MaxExponent);

    /// <summary>The rate at a slider position, rounded to 3 significant digits so the URL stays readable.</summary>
    public static double FromPosition(double position)
    {
        var lr = Math.Pow(10, Math.Clamp(position, MinExponent, MaxExponent));
        return RoundSignificant(lr, 3);
    }

    /// <summary>Where a rate sits along the slider, 0 (left) to 100 (right), for tick marks.</summary>
    public static double Percent(double lr) => (ToPosition(lr) - MinExponent) / (MaxExponent - MinExponent) * 100;

    /// <summary>Multiply the rate by 10^(decades), as the arrow keys do.</summary>
    public static double Nudge(double lr, double decades) => FromPosition(Math.Log10(lr) + decades);

    /// <summary>Round to a number of significant digits.</summary>
    public static double RoundSignificant(double value, int digits)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return value;
        }

        var scale = Math.Pow(10, digits - 1 - (int)Math.Floor(Math.Log10(Math.Abs(value))));
        return Math.Round(value * scale) / scale;
    }
}
