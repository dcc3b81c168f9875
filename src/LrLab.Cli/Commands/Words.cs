using LrLab.Core;

namespace LrLab.Cli.Commands;

/// <summary>The verdict vocabulary in words for tables.</summary>
internal static class Words
{
    public static string Verdict(Verdict verdict) => verdict switch
    {
        Core.Verdict.TooSmall => "too small",
        Core.Verdict.JustRight => "just right",
        Core.Verdict.TooLarge => "too large",
        _ => "inconclusive",
    };

    public static string Pattern(Pattern pattern) => pattern.ToString().ToLowerInvariant();
}
