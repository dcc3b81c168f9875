using System.CommandLine;
using System.Globalization;
using LrLab.Core;

namespace LrLab.Cli.Commands;

/// <summary>
/// Option values arrive as text and are parsed here, so every error names its flag
/// (System.CommandLine's own conversion messages do not).
/// </summary>
internal static class Flags
{
    /// <summary>The flag that sets Core's parameter <paramref name="parameter"/>: <c>batch_size</c> → <c>--batch-size</c>.</summary>
    public static string For(string parameter) => parameter switch
    {
        "c" => "--armijo-c",
        _ => "--" + parameter.Replace('_', '-'),
    };

    public static Option<string> Text(string name, string description) => new(name) { Description = description };

    public static Option<bool> Switch(string name, string description) => new(name) { Description = description };

    public static double? Number(ParseResult result, Option<string> option)
    {
        var text = result.GetValue(option);
        return text is null ? null : ParseNumber(option.Name, text);
    }

    public static double ParseNumber(string flag, string text)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new InputException($"{flag}: '{text}' is not a finite number");
        }

        return value;
    }

    public static double? Positive(ParseResult result, Option<string> option)
    {
        var value = Number(result, option);
        if (value is { } v && !(v > 0))
        {
            throw new InputException(string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be positive, got {v}"));
        }

        return value;
    }

    public static double? NonNegative(ParseResult result, Option<string> option)
    {
        var value = Number(result, option);
        if (value is { } v && v < 0)
        {
            throw new InputException(string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be >= 0, got {v}"));
        }

        return value;
    }

    public static int? Integer(ParseResult result, Option<string> option, int min, int max)
    {
        var text = result.GetValue(option);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw new InputException($"{option.Name}: '{text}' is not an integer");
        }

        if (value < min || value > max)
        {
            throw new InputException(string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be between {min} and {max}, got {value}"));
        }

        return value;
    }

    public static double[]? Vector(ParseResult result, Option<string> option)
    {
        var text = result.GetValue(option);
        if (text is null)
        {
            return null;
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        return [.. parts.Select(p => ParseNumber(option.Name, p))];
    }
}
