using System.Globalization;

namespace LrLab.Web.Lab;

/// <summary>How the lab prints numbers: 4 significant digits, and 5.09e59 rather than 5.09E+59 for extremes.</summary>
public static class Numbers
{
    /// <summary>A short, invariant, round-enough text for a value.</summary>
    public static string Short(double value, int digits = 4)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        var magnitude = Math.Abs(value);
        if (value != 0 && (magnitude >= 1e6 || magnitude < 1e-4))
        {
            var exponent = (int)Math.Floor(Math.Log10(magnitude));
            var mantissa = value / Math.Pow(10, exponent);
            if (Math.Abs(Math.Round(mantissa, digits - 1)) >= 10)
            {
                mantissa /= 10;
                exponent++;
            }

            return mantissa.ToString("0." + new string('#', digits - 1), CultureInfo.InvariantCulture) + "e" + exponent.ToString(CultureInfo.InvariantCulture);
        }

        return LogSlider.RoundSignificant(value, digits).ToString("0.##########", CultureInfo.InvariantCulture);
    }
}
