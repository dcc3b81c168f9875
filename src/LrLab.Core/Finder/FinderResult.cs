namespace LrLab.Core.Finder;

/// <summary>The outcome of an LR range test, serialized by the CLI as-is.</summary>
/// <param name="Target">What was trained (surface name or model description).</param>
/// <param name="Optimizer">Optimizer name.</param>
/// <param name="Lrs">Rate of each recorded mini-batch.</param>
/// <param name="Losses">Loss of each mini-batch, measured before its update.</param>
/// <param name="SmoothedLosses">Debiased moving average of <paramref name="Losses"/>.</param>
/// <param name="SuggestedLr">The suggested rate (see <see cref="FinderAnalysis"/>), or <c>null</c>.</param>
/// <param name="Method"><c>steepest-descent</c>, <c>min-loss/10</c> or <c>none</c>.</param>
/// <param name="SuggestedIndex">Index of the suggested point when found by steepest descent.</param>
/// <param name="LowestLossLr">Rate at the lowest smoothed loss.</param>
/// <param name="MinLossLr">That rate divided by 10 (fastai's <c>lr_min</c>).</param>
/// <param name="ClimbLr">Rate where the smoothed loss starts climbing, or <c>null</c> if it never did.</param>
/// <param name="BelowClimbLr">10× below the climb: the classic rule of thumb.</param>
/// <param name="Regions">flat, descending, best and climbing stretches, as index ranges and rates.</param>
/// <param name="StopReason">completed, diverged, non-finite or cancelled.</param>
/// <param name="Iterations">Number of mini-batches run (the length of the arrays).</param>
/// <param name="Mode">exp or linear.</param>
/// <param name="StartLr">First rate of the ramp.</param>
/// <param name="EndLr">Last rate of the ramp.</param>
/// <param name="NumIter">Planned number of mini-batches.</param>
/// <param name="Beta">Smoothing factor.</param>
/// <param name="SkipStart">Points ignored at the start by the steepest-descent search.</param>
/// <param name="SkipEnd">Points ignored at the end.</param>
/// <param name="Restored">True once the weights and optimizer state have been put back.</param>
/// <param name="Explanation">The result in one or two sentences.</param>
/// <param name="Grid">The coarse grid trained next to the suggestion, when asked for.</param>
public sealed record FinderResult(
    string Target,
    string Optimizer,
    double[] Lrs,
    double[] Losses,
    double[] SmoothedLosses,
    double? SuggestedLr,
    string Method,
    int? SuggestedIndex,
    double? LowestLossLr,
    double? MinLossLr,
    double? ClimbLr,
    double? BelowClimbLr,
    IReadOnlyList<CurveRegion> Regions,
    RangeTestStop StopReason,
    int Iterations,
    RangeTestMode Mode,
    double StartLr,
    double EndLr,
    int NumIter,
    double Beta,
    int SkipStart,
    int SkipEnd,
    bool Restored,
    string Explanation,
    GridComparison? Grid = null);
