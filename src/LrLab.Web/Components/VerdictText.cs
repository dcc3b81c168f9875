using LrLab.Core;

namespace LrLab.Web.Components;

/// <summary>The verdict vocabulary in words, as badges and the verdict panel show it.</summary>
public static class VerdictText
{
    /// <summary>"too small (crawling)", "just right (smooth)", "too large (diverging)", ...</summary>
    public static string Describe(Verdict verdict, Pattern pattern)
    {
        var words = verdict switch
        {
            Verdict.TooSmall => "too small",
            Verdict.JustRight => "just right",
            Verdict.TooLarge => "too large",
            _ => "inconclusive",
        };
        return $"{words} ({pattern.ToString().ToLowerInvariant()})";
    }
}
