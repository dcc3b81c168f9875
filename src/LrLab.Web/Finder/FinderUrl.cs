using System.Globalization;
using System.Text;
using LrLab.Core.Optimizers;
using LrLab.Web.Url;

namespace LrLab.Web.Finder;

/// <summary>
/// The finder page's state in the query string: <c>/finder?optimizer=adam</c> (the SPEC's), plus the
/// optional <c>start</c>, <c>end</c>, <c>iters</c>, <c>mode</c> (<c>exp</c> or <c>linear</c>), <c>batch</c> and
/// <c>seed</c>. Parsing never throws: each bad value becomes a notice naming the parameter, and its
/// default takes its place.
/// </summary>
public static class FinderUrl
{
    /// <summary>The optimizer when the URL names none.</summary>
    public const string DefaultOptimizer = FinderSettings.DefaultOptimizer;

    /// <summary>Reads the settings from <paramref name="query"/> (e.g. <c>?optimizer=adam&amp;iters=40</c>).</summary>
    public static (FinderSettings Settings, IReadOnlyList<string> Notices) Parse(string? query)
    {
        var values = QueryReader.Parse(query);
        var notices = new List<string>();
        var settings = new FinderSettings();

        if (values.TryGet("optimizer", out var optimizer))
        {
            var known = OptimizerFactory.Names.FirstOrDefault(n => string.Equals(n, optimizer.Trim(), StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                notices.Add($"Unknown optimizer '{optimizer}' in the link; using {DefaultOptimizer}. Valid: {string.Join(", ", OptimizerFactory.Names)}.");
            }
            else
            {
                settings = settings with { Optimizer = known };
            }
        }

        var startGiven = values.TryGet("start", out var startText);
        if (startGiven)
        {
            if (FinderSettings.ParseRate(startText) is { } start)
            {
                settings = settings with { StartLr = start };
            }
            else
            {
                notices.Add(Bad("start", startText!, FinderField.StartLr, FinderSettings.Compact(FinderSettings.DefaultStartLr)));
            }
        }

        if (values.TryGet("end", out var endText))
        {
            if (FinderSettings.ParseRate(endText) is not { } end)
            {
                notices.Add(Bad("end", endText, FinderField.EndLr, FinderSettings.Compact(FinderSettings.DefaultEndLr)));
            }
            else if (end <= settings.StartLr)
            {
                notices.Add($"end: '{endText}' is not above the start rate {FinderSettings.Compact(settings.StartLr)}; using {FinderSettings.Compact(FinderSettings.DefaultEndLr)}.");
            }
            else
            {
                settings = settings with { EndLr = end };
            }
        }

        if (settings.StartLr >= settings.EndLr)
        {
            notices.Add($"start: '{startText}' is not below the end rate {FinderSettings.Compact(settings.EndLr)}; using {FinderSettings.Compact(FinderSettings.DefaultStartLr)}.");
            settings = settings with { StartLr = FinderSettings.DefaultStartLr };
        }

        if (values.TryGet("iters", out var itersText))
        {
            if (FinderSettings.ParseWhole(itersText, FinderSettings.MinIterations, FinderSettings.MaxIterations) is { } iters)
            {
                settings = settings with { Iterations = iters };
            }
            else
            {
                notices.Add(Bad("iters", itersText, FinderField.Iterations, FinderSettings.DefaultIterations.ToString(CultureInfo.InvariantCulture)));
            }
        }

        if (values.TryGet("mode", out var modeText))
        {
            if (FinderSettings.ParseMode(modeText) is { } mode)
            {
                settings = settings with { Mode = mode };
            }
            else
            {
                notices.Add(Bad("mode", modeText, FinderField.Mode, "exp"));
            }
        }

        if (values.TryGet("batch", out var batchText))
        {
            if (FinderSettings.ParseWhole(batchText, 1, FinderSettings.MaxBatchSize) is { } batch)
            {
                settings = settings with { BatchSize = batch };
            }
            else
            {
                notices.Add(Bad("batch", batchText, FinderField.BatchSize, FinderSettings.DefaultBatchSize.ToString(CultureInfo.InvariantCulture)));
            }
        }

        if (values.TryGet("seed", out var seedText))
        {
            if (FinderSettings.ParseWhole(seedText, 0, int.MaxValue) is { } seed)
            {
                settings = settings with { Seed = seed };
            }
            else
            {
                notices.Add(Bad("seed", seedText, FinderField.Seed, "0"));
            }
        }

        return (settings, NoticeText.OneLine(notices));
    }

    /// <summary>The relative URL that reproduces <paramref name="settings"/>; settings at their default are left out.</summary>
    public static string Build(FinderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var defaults = new FinderSettings();
        var sb = new StringBuilder("finder?optimizer=").Append(Uri.EscapeDataString(settings.Optimizer));
        if (settings.StartLr != defaults.StartLr)
        {
            sb.Append("&start=").Append(FinderSettings.Compact(settings.StartLr));
        }

        if (settings.EndLr != defaults.EndLr)
        {
            sb.Append("&end=").Append(FinderSettings.Compact(settings.EndLr));
        }

        if (settings.Iterations != defaults.Iterations)
        {
            sb.Append("&iters=").Append(settings.Iterations.ToString(CultureInfo.InvariantCulture));
        }

        if (settings.Mode != defaults.Mode)
        {
            sb.Append("&mode=").Append(FinderSettings.ModeName(settings.Mode));
        }

        if (settings.BatchSize != defaults.BatchSize)
        {
            sb.Append("&batch=").Append(settings.BatchSize.ToString(CultureInfo.InvariantCulture));
        }

        if (settings.Seed != defaults.Seed)
        {
            sb.Append("&seed=").Append(settings.Seed.ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    private static string Bad(string name, string text, FinderField field, string fallback) =>
        $"{name}: '{QueryReader.Shorten(text)}' is not {FinderSettingsForm.Limits(field)}; using {fallback}.";
}
