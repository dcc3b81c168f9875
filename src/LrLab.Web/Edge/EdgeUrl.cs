using System.Globalization;
using System.Text;
using LrLab.Web.Url;

namespace LrLab.Web.Edge;

/// <summary>
/// /edge's state in the query string: <c>rates</c> (comma-separated), <c>samples</c>, <c>steps</c>. Parsing never
/// throws: a bad value becomes a notice naming its key, and the default takes its place. Read by the site's one
/// <see cref="QueryReader"/>, so rates such as <c>1e+0</c> read as on every other page.
/// </summary>
public static class EdgeUrl
{
    /// <summary>Reads the settings from <paramref name="query"/> (e.g. <c>?rates=0.5,1&amp;steps=200</c>).</summary>
    public static (EdgeSettings Settings, IReadOnlyList<string> Notices) Parse(string? query)
    {
        var values = QueryReader.Parse(query);
        var notices = new List<string>();
        var settings = new EdgeSettings();
        var defaults = new EdgeSettings();
        if (values.TryGet("rates", out var ratesText))
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

        if (values.TryGet("samples", out var samplesText))
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

        if (values.TryGet("steps", out var stepsText))
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

        return (settings, NoticeText.OneLine(notices));
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
}
