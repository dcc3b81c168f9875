using LrLab.Core;

namespace LrLab.Web.LossLogs;

/// <summary>
/// The lab state that shows the same pattern on the default bowl (largest curvature 4, so 2/λ = 0.5): 0.001 crawls,
/// 0.05 converges smoothly, 0.3 oscillates, 0.6 diverges.
/// </summary>
public static class LabPreset
{
    /// <summary>The /lab link for a verdict and pattern, with a caption; null when there is nothing to show.</summary>
    public static (string Href, string Caption)? For(Verdict verdict, Pattern pattern) => (verdict, pattern) switch
    {
        (Verdict.TooSmall, _) => ("/lab?surface=bowl&optimizer=sgd&lr=0.001&steps=200", "See a crawl on the bowl: lr 0.001"),
        (Verdict.JustRight, _) => ("/lab?surface=bowl&optimizer=sgd&lr=0.05&steps=100", "See a healthy descent on the bowl: lr 0.05"),
        (Verdict.TooLarge, Pattern.Oscillating) => ("/lab?surface=bowl&optimizer=sgd&lr=0.3&steps=100", "See the bounce on the bowl: lr 0.3"),
        (Verdict.TooLarge, _) => ("/lab?surface=bowl&optimizer=sgd&lr=0.6&steps=30", "See divergence on the bowl: lr 0.6"),
        _ => null,
    };
}
