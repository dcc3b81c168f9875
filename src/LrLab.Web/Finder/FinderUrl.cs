using LrLab.Core.Optimizers;

namespace LrLab.Web.Finder;

/// <summary>The finder page's state in the query string: <c>/finder?optimizer=adam</c>.</summary>
public static class FinderUrl
{
    /// <summary>The optimizer when the URL names none.</summary>
    public const string DefaultOptimizer = "sgd";

    /// <summary>
    /// Reads <c>optimizer</c> from <paramref name="query"/> (e.g. <c>?optimizer=adam</c>). An unknown name
    /// gives the default and a message for the page.
    /// </summary>
    public static (string Optimizer, string? Problem) Parse(string? query)
    {
        string? value = null;
        foreach (var pair in (query ?? string.Empty).TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (string.Equals(Uri.UnescapeDataString(parts[0]), "optimizer", StringComparison.OrdinalIgnoreCase))
            {
                value = parts.Length > 1 ? Uri.UnescapeDataString(parts[1].Replace('+', ' ')) : string.Empty;
            }
        }

        if (value is null)
        {
            return (DefaultOptimizer, null);
        }

        var known = OptimizerFactory.Names.FirstOrDefault(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase));
        return known is null
            ? (DefaultOptimizer, $"Unknown optimizer '{value}' in the link; using {DefaultOptimizer}. Valid: {string.Join(", ", OptimizerFactory.Names)}.")
            : (known, null);
    }

    /// <summary>The relative URL that reproduces the page.</summary>
    public static string Build(string optimizer) => "finder?optimizer=" + Uri.EscapeDataString(optimizer);
}
