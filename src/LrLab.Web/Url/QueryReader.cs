using System.Globalization;

namespace LrLab.Web.Url;

/// <summary>
/// The one reader of every page's query string (lab, finder, schedules, diagnose, lessons). Keys are matched without
/// regard to case; the last of repeated keys wins. A '+' stays a plus sign: people type rates such as <c>1e+0</c>
/// and formulas such as <c>x^2+y^2</c> into the address bar, and none of our values holds a space. Numbers read alike
/// on every page: <c>1e+0</c>, <c>1E-3</c>, <c>.5</c>, with surrounding blanks ignored.
/// </summary>
public sealed class QueryReader
{
    private readonly Dictionary<string, string> _values;

    private QueryReader(Dictionary<string, string> values) => _values = values;

    /// <summary>Reads <paramref name="query"/> ("?a=1&amp;b=2", "a=1&amp;b=2" or empty).</summary>
    public static QueryReader Parse(string? query)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in (query ?? string.Empty).TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Decode(eq < 0 ? pair : pair[..eq]);
            values[key] = eq < 0 ? string.Empty : Decode(pair[(eq + 1)..]);
        }

        return new QueryReader(values);
    }

    /// <summary>Reads the query part of an absolute or relative address.</summary>
    public static QueryReader FromUri(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var q = uri.IndexOf('?', StringComparison.Ordinal);
        if (q < 0)
        {
            return new QueryReader(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));
        }

        var hash = uri.IndexOf('#', q);
        return Parse(hash < 0 ? uri[q..] : uri[q..hash]);
    }

    /// <summary>The keys present.</summary>
    public IEnumerable<string> Keys => _values.Keys;

    /// <summary>The decoded text of <paramref name="key"/>, or null when the query lacks it.</summary>
    public string? this[string key] => _values.TryGetValue(key, out var v) ? v : null;

    /// <summary>The decoded text of <paramref name="key"/>.</summary>
    public bool TryGet(string key, out string value)
    {
        if (_values.TryGetValue(key, out var v))
        {
            value = v;
            return true;
        }

        value = string.Empty;
        return false;
    }

    /// <summary>How every page reads a number: invariant culture, exponents with either case and sign, a bare leading point.</summary>
    public static bool TryNumber(string? text, out double value) =>
        double.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>How every page reads a whole number (an optional sign, digits).</summary>
    public static bool TryWhole(string? text, out int value) =>
        int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>
    /// The number under <paramref name="key"/> when it lies in [<paramref name="min"/>, <paramref name="max"/>]; null when the key
    /// is absent. A value that is not such a number adds a notice naming the key and the range, and gives null (the default).
    /// </summary>
    public double? Number(string key, double min, double max, ICollection<string> notices, string fallback = "the default")
    {
        ArgumentNullException.ThrowIfNull(notices);
        if (!TryGet(key, out var text))
        {
            return null;
        }

        if (TryNumber(text, out var v) && v >= min && v <= max)
        {
            return v;
        }

        notices.Add($"{key}: '{Shorten(text)}' is not a number between {Format(min)} and {Format(max)}. Using {fallback}.");
        return null;
    }

    /// <summary>Like <see cref="Number"/> for whole numbers.</summary>
    public int? Whole(string key, int min, int max, ICollection<string> notices, string fallback = "the default")
    {
        ArgumentNullException.ThrowIfNull(notices);
        if (!TryGet(key, out var text))
        {
            return null;
        }

        if (TryWhole(text, out var v) && v >= min && v <= max)
        {
            return v;
        }

        notices.Add($"{key}: '{Shorten(text)}' is not a whole number between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}. Using {fallback}.");
        return null;
    }

    /// <summary>A true/false switch: an empty value, 1, true or yes are true; 0, false or no are false; anything else a notice and false.</summary>
    public bool Flag(string key, ICollection<string> notices)
    {
        ArgumentNullException.ThrowIfNull(notices);
        if (!TryGet(key, out var text))
        {
            return false;
        }

        switch (text.Trim().ToUpperInvariant())
        {
            case "" or "1" or "TRUE" or "YES":
                return true;
            case "0" or "FALSE" or "NO":
                return false;
            default:
                notices.Add($"{key}: '{Shorten(text)}' is not true or false. Using false.");
                return false;
        }
    }

    /// <summary>Shortest round-trip text of a number.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A value quoted in a notice, cut so a hostile link cannot fill the page.</summary>
    public static string Shorten(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 40 ? text[..40] + "…" : text;
    }

    private static string Decode(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text);
        }
        catch (UriFormatException)
        {
            return text;
        }
    }
}
