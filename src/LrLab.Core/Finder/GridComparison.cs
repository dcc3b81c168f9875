namespace LrLab.Core.Finder;

/// <summary>The coarse grid trained next to a range test's suggestion.</summary>
/// <param name="Runs">One run per grid rate, in increasing rate.</param>
/// <param name="BestLr">The grid rate with the lowest test loss (train loss when there is no test data); diverged runs rank last.</param>
/// <param name="SuggestedLr">The range test's suggestion.</param>
/// <param name="NearestGridLr">The grid rate closest to the suggestion on a log scale.</param>
/// <param name="SuggestionNearBest">True when that nearest grid rate is the best one.</param>
public sealed record GridComparison(IReadOnlyList<GridRun> Runs, double BestLr, double? SuggestedLr, double? NearestGridLr, bool SuggestionNearBest);
