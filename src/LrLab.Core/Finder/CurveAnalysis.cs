namespace LrLab.Core.Finder;

/// <summary>What <see cref="FinderAnalysis.Analyse"/> reads from a range-test curve.</summary>
/// <param name="SuggestedLr">The suggested rate, or <c>null</c> when the curve has no finite point.</param>
/// <param name="SuggestedIndex">Index of the suggested point (for the steepest-descent method).</param>
/// <param name="Method">
/// <c>steepest-descent</c> (the fastest fall of the smoothed loss per unit of log rate), <c>min-loss/10</c>
/// (the fallback when the curve is too short or never falls) or <c>none</c>.
/// </param>
/// <param name="LowestLossLr">Rate at the lowest smoothed loss.</param>
/// <param name="LowestLossIndex">Index of the lowest smoothed loss.</param>
/// <param name="MinLossLr">fastai's <c>lr_min</c>: the rate at the lowest smoothed loss divided by 10.</param>
/// <param name="ClimbLr">Rate at which the smoothed loss starts climbing back up (see <see cref="FinderAnalysis"/>), or <c>null</c> if it never does.</param>
/// <param name="ClimbIndex">Index of the climb point.</param>
/// <param name="BelowClimbLr">The rule of thumb: 10× below <paramref name="ClimbLr"/>.</param>
/// <param name="SkipStart">Points ignored at the start when looking for the steepest descent.</param>
/// <param name="SkipEnd">Points ignored at the end.</param>
/// <param name="Regions">flat, descending, best and climbing stretches (empty ones left out), in order.</param>
public sealed record CurveAnalysis(
    double? SuggestedLr,
    int? SuggestedIndex,
    string Method,
    double? LowestLossLr,
    int? LowestLossIndex,
    double? MinLossLr,
    double? ClimbLr,
    int? ClimbIndex,
    double? BelowClimbLr,
    int SkipStart,
    int SkipEnd,
    IReadOnlyList<CurveRegion> Regions);
