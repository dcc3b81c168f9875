using System.Globalization;

namespace LrLab.Fuzz.Logs;

/// <summary>
/// A float as Python's <c>repr</c> (and so <c>str</c>, <c>"%s" %</c>, the csv module and <c>json.dumps</c>) writes it:
/// the shortest digits that round-trip, fixed notation for decimal exponents −4…15 (<c>0.0001</c>, <c>3.0</c>),
/// otherwise <c>1e-05</c> / <c>1.5e+16</c> with at least two exponent digits; <c>nan</c>, <c>inf</c>, <c>-inf</c>
/// (JSON: <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>). Written from Python's float_repr_style 'short' rules.
/// </summary>
public static class PyFloat
{
    public static string Repr(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        var sign = double.IsNegative(value) ? "-" : string.Empty;
        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var mantissa = shortest;
        var exponent = 0;
        var e = shortest.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            mantissa = shortest[..e];
            exponent = int.Parse(shortest[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }

        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = dot < 0 ? mantissa : mantissa[..dot] + mantissa[(dot + 1)..];
        var point = (dot < 0 ? mantissa.Length : dot) + exponent; // the decimal point sits after this many digits
        var lead = 0;
        while (lead < digits.Length && digits[lead] == '0')
        {
            lead++;
            point--;
        }

        digits = digits[lead..].TrimEnd('0');
        if (digits.Length == 0)
        {
            return sign + "0.0";
        }

        var scientific = point - 1;
        string body;
        if (scientific is < -4 or >= 16)
        {
            var fraction = digits.Length > 1 ? "." + digits[1..] : string.Empty;
            body = string.Create(CultureInfo.InvariantCulture, $"{digits[0]}{fraction}e{(scientific < 0 ? '-' : '+')}{Math.Abs(scientific):00}");
        }
        else if (point <= 0)
        {
            body = "0." + new string('0', -point) + digits;
        }
        else if (point >= digits.Length)
        {
            body = digits + new string('0', point - digits.Length) + ".0";
        }
        else
        {
            body = digits[..point] + "." + digits[point..];
        }

        return sign + body;
    }

    /// <summary>As <c>json.dumps</c> writes a float (allow_nan=True, its default).</summary>
    public static string Json(double value) =>
        double.IsNaN(value) ? "NaN" : double.IsInfinity(value) ? (value > 0 ? "Infinity" : "-Infinity") : Repr(value);
}
