using System.Globalization;

namespace LrLab.Cli.Output;

/// <summary>Short human-readable numbers for tables.</summary>
internal static class Fmt
{
    public static string G(double value) => double.IsNaN(value) ? "n/a" : value.ToString("G6", CultureInfo.InvariantCulture);

    public static string G(double? value) => value is { } v ? G(v) : "-";

    public static string Vector(IEnumerable<double>? values) => values is null ? "-" : "(" + string.Join(", ", values.Select(G)) + ")";
}
