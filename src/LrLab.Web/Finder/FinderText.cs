using LrLab.Core.Finder;

namespace LrLab.Web.Finder;

/// <summary>The finder page's words for a suggestion's method and a region's span of rates.</summary>
public static class FinderText
{
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
