using System.Globalization;
using System.Text;

namespace LrLab.Cli.Output;

/// <summary>Minimal RFC 4180 writer with invariant, round-trip numbers.</summary>
internal sealed class Csv
{
    private readonly StringBuilder _text = new();

    public Csv(params string[] header) => Row(header);

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Number(double? value) => value is { } v ? Number(v) : string.Empty;

    public Csv Row(params string[] cells)
    {
        _text.AppendJoin(',', cells.Select(Quote)).Append('\n');
        return this;
    }

    public override string ToString() => _text.ToString();

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
