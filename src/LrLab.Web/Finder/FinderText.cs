using LrLab.Core.Finder;

namespace LrLab.Web.Finder;

/// <summary>Core's words about a range test, said the page's way (its boxes instead of the CLI's flags).</summary>
public static class FinderText
{
    /// <summary>Core's explanation with <c>--start-lr</c>/<c>--end-lr</c> replaced by the names of the page's boxes.</summary>
    public static string Explanation(string coreText)
    {
        ArgumentNullException.ThrowIfNull(coreText);
        return coreText
            .Replace("lower --start-lr", "lower the start rate", StringComparison.Ordinal)
            .Replace("raise --end-lr", "raise the end rate", StringComparison.Ordinal)
            .Replace("--start-lr", "the start rate", StringComparison.Ordinal)
            .Replace("--end-lr", "the end rate", StringComparison.Ordinal);
    }

    /// <summary>How the suggestion was found, in words for the box's label.</summary>
    public static string MethodName(string method) => method switch
    {
        FinderAnalysis.SteepestDescent => "steepest descent",
        FinderAnalysis.MinLossOver10 => "lowest loss ÷ 10",
        _ => "none found",
    };

    /// <summary>A region's span of rates: "0.001–0.1", or one rate when the region is a single point.</summary>
    public static string Span(double from, double to) =>
        FinderCharts.Rate(from) == FinderCharts.Rate(to) ? FinderCharts.Rate(from) : FinderCharts.Rate(from) + "–" + FinderCharts.Rate(to);
}
