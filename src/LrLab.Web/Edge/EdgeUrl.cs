using System.Globalization;
using System.Text;

namespace LrLab.Web.Edge;

/// <summary>
/// /edge's state in the query string: <c>rates</c> (comma-separated), <c>samples</c>, <c>steps</c>. Parsing never
/// throws: a bad value becomes a notice naming its key, and the default takes its place.
/// </summary>
public static class EdgeUrl
{
    /// <summary>Reads the settings from <paramref name="query"/> (e.g. <c>?rates=0.5,1&amp;steps=200</c>).</summary>
    public static (EdgeSettings Settings, IReadOnlyList<string> Notices) Parse(string? query)
    {
        var values = Split(query);
        var notices = new List<string>();
        var settings = new EdgeSettings();
        var defaults = new EdgeSettings();
        if (values.TryGetValue("rates", out var ratesText))
        {
            var (rates, problem) = EdgeSettings.ParseRates(ratesText);
            if (rates is null)
            {
                notices.Add($"rates: {problem}; using {defaults.RatesText}.");
            }
            else
            {
                settings = settings with { Rates = rates };
            }
        }

        if (values.TryGetValue("samples", out var samplesText))
        {
            if (EdgeSettings.ParseWhole(samplesText, EdgeSettings.MinSamples, EdgeSettings.MaxSamples) is { } samples)
            {
                settings = settings with { Samples = samples };
            }
            else
            {
                notices.Add(Invariant($"samples: '{Short(samplesText)}' is not a whole number from {EdgeSettings.MinSamples} to {EdgeSettings.MaxSamples}; using {EdgeSettings.DefaultSamples}."));
            }
        }

        if (values.TryGetValue("steps", out var stepsText))
        {
            if (EdgeSettings.ParseWhole(stepsText, EdgeSettings.MinSteps, EdgeSettings.MaxSteps) is { } steps)
            {
                settings = settings with { Steps = steps };
            }
            else
            {
                notices.Add(Invariant($"steps: '{Short(stepsText)}' is not a whole number from {EdgeSettings.MinSteps} to {EdgeSettings.MaxSteps}; using {EdgeSettings.DefaultSteps}."));
            }
        }

        return (settings, notices);
    }

    /// <summary>The relative URL that reproduces <paramref name="settings"/>.</summary>
    public static string Build(EdgeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var sb = new StringBuilder("edge?rates=").Append(settings.RatesText);
        sb.Append(CultureInfo.InvariantCulture, $"&samples={settings.Samples}&steps={settings.Steps}");
        return sb.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Short(string text) => text.Length > 20 ? text[..20] + "…" : text;

    private static Dictionary<string, string> Split(string? query)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in (query ?? string.Empty).TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            values[Unescape(parts[0])] = parts.Length > 1 ? Unescape(parts[1]) : string.Empty;
        }

        return values;
    }

    private static string Unescape(string text)
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
