using System.Globalization;

namespace LrLab.Cli.Output;

/// <summary>Short human-readable numbers for tables.</summary>
internal static class Fmt
{
    public static string G(double value) => double.IsNaN(value) ? "n/a" : value.ToString("G6", CultureInfo.InvariantCulture);

    public static string G(double? value) => value is { } v ? G(v) : "-";

    /// <summary>A default in help text: shortest round-trip digits, a short exponent (<c>1e-7</c>, <c>0.98</c>, <c>10</c>).</summary>
    public static string Plain(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        return e < 0 ? text : text[..e] + "e" + int.Parse(text[(e + 1)..], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
    }

    public static string Vector(IEnumerable<double>? values) => values is null ? "-" : "(" + string.Join(", ", values.Select(G)) + ")";
}
