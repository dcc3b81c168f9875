using System.Globalization;

namespace LrLab.Core;

/// <summary>
/// Values written the way Python's <c>repr</c> writes them, so a default or a spec argument reads the same in
/// LR Lab as in PyTorch: a float always carries a '.' or an exponent (<c>25.0</c>, <c>1e-08</c>), booleans are
/// <c>True</c>/<c>False</c>, strings are single-quoted.
/// </summary>
public static class PythonText
{
    /// <summary><c>0.1</c>, <c>25.0</c>, <c>1e-08</c>, <c>0.3333333333333333</c>.</summary>
    public static string Float(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('e', StringComparison.Ordinal)
            ? text
            : text + ".0";
    }

    /// <summary><c>5</c>.</summary>
    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>True</c> or <c>False</c>.</summary>
    public static string Bool(bool value) => value ? "True" : "False";

    /// <summary><c>'cos'</c>.</summary>
    public static string Str(string value) => "'" + value + "'";
}
