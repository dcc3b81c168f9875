using LrLab.Core.Finder;

namespace LrLab.Core.Tests.Finder;

public sealed class FinderAnalysisTests
{
    private static double[] ExpRates(int n, double start = 1e-7, double end = 10)
        => [.. Enumerable.Range(0, n).Select(i => start * Math.Pow(end / start, i / (double)(n - 1)))];

    /// <summary>Falls fastest (per unit of ln lr) at <paramref name="centre"/>, bottoms out, then climbs steeply above <paramref name="climbFrom"/>.</summary>
    private static double Valley(double lr, double centre, double climbFrom)
    {
        var x = Math.Log(lr);
        var fall = 2 - 1.5 * Math.Tanh((x - Math.Log(centre)) / 1.5);
        var rise = lr > climbFrom ? 3 * (Math.Log(lr) - Math.Log(climbFrom)) : 0;
        return fall + rise * rise;
    }

    [Theory]
    [InlineData(1e-3, 0.5)]
    [InlineData(1e-4, 0.1)]
    [InlineData(3e-2, 2.0)]
    public void Suggests_the_steepest_descent_of_a_synthetic_valley(double centre, double climbFrom)
    {
        var lrs = ExpRates(100);
        var smoothed = lrs.Select(lr => Valley(lr, centre, climbFrom)).ToArray();

        var a = FinderAnalysis.Analyse(lrs, smoothed);

        Assert.Equal(FinderAnalysis.SteepestDescent, a.Method);
        Assert.InRange(a.SuggestedLr!.Value, centre / 1.25, centre * 1.25);
        Assert.Equal(lrs[a.SuggestedIndex!.Value], a.SuggestedLr);
        Assert.Equal(a.LowestLossLr!.Value / 10, a.MinLossLr!.Value, 1e-15);
        Assert.InRange(a.ClimbLr!.Value, climbFrom, climbFrom * 2);
        Assert.Equal(a.ClimbLr.Value / 10, a.BelowClimbLr!.Value, 1e-15);
        Assert.Equal((10, 5), (a.SkipStart, a.SkipEnd));
    }

    [Fact]
    public void An_early_spike_is_skipped()
    {
        var lrs = ExpRates(100);
        var smoothed = lrs.Select(lr => Valley(lr, 1e-3, 0.5)).ToArray();
        smoothed[0] = 40; // a nearly untrained model's first, noisy batches
        smoothed[1] = 20;
        smoothed[2] = 4;

        var a = FinderAnalysis.Analyse(lrs, smoothed);

        Assert.InRange(a.SuggestedLr!.Value, 1e-3 / 1.25, 1e-3 * 1.25);
    }

    [Fact]
    public void The_slope_is_taken_against_the_log_of_the_rate()
    {
        // Linear ramp, loss falling linearly in lr: equal drops per step, but per unit of ln lr the
        // drop grows with lr, so the steepest point is the last one the end skip allows.
        var lrs = Enumerable.Range(0, 100).Select(i => 0.01 + 0.01 * i).ToArray();
        var smoothed = lrs.Select(lr => 2 - lr).ToArray();

        var a = FinderAnalysis.Analyse(lrs, smoothed);

        Assert.Equal(94, a.SuggestedIndex);
        Assert.Null(a.ClimbLr);
    }

    [Theory]
    [InlineData(new double[0], "none")]
    [InlineData(new[] { 2.0 }, "min-loss/10")]
    [InlineData(new[] { 2.0, 1.0 }, "min-loss/10")]
    [InlineData(new[] { 2.0, 1.0, 0.5 }, "steepest-descent")]
    [InlineData(new[] { 1.0, 2.0, 3.0, 4.0 }, "min-loss/10")]
    [InlineData(new[] { double.NaN, 1.0 }, "none")]
    public void Short_or_rising_curves_fall_back(double[] smoothed, string method)
    {
        var lrs = ExpRates(Math.Max(smoothed.Length, 2), 1e-3, 1)[..smoothed.Length];

        var a = FinderAnalysis.Analyse(lrs, smoothed);

        Assert.Equal(method, a.Method);
        switch (method)
        {
            case "none":
                Assert.Null(a.SuggestedLr);
                break;
            case "min-loss/10":
                Assert.Equal(a.LowestLossLr!.Value / 10, a.SuggestedLr);
                break;
            default:
                Assert.Equal(lrs[0], a.SuggestedLr); // one-sided slope 1 per step beats the central 0.75
                break;
        }
    }

    [Fact]
    public void A_curve_that_only_rises_is_flat_then_climbing()
    {
        var lrs = ExpRates(40, 1e-3, 10);
        var smoothed = lrs.Select(lr => 1 + lr).ToArray();

        var a = FinderAnalysis.Analyse(lrs, smoothed);

        Assert.Equal(FinderAnalysis.MinLossOver10, a.Method);
        Assert.Equal(lrs[0] / 10, a.SuggestedLr);
        Assert.Equal([RegionKind.Flat, RegionKind.Climbing], a.Regions.Select(r => r.Kind));
    }

    [Fact]
    public void A_non_finite_last_point_is_ignored_by_the_search_and_is_the_climb()
    {
        var lrs = ExpRates(60);
        var smoothed = lrs.Select(lr => 2 - 1.5 * Math.Tanh((Math.Log(lr) - Math.Log(1e-4)) / 1.5)).ToArray();
        smoothed[^1] = double.NaN;

        var a = FinderAnalysis.Analyse(lrs, smoothed);

        Assert.Equal(FinderAnalysis.SteepestDescent, a.Method);
        Assert.Equal(lrs[^1], a.ClimbLr);
        Assert.Equal(RegionKind.Climbing, a.Regions[^1].Kind);
        Assert.Equal(59, a.Regions[^1].Start);
        Assert.Equal((5, 2), (a.SkipStart, a.SkipEnd)); // 59 finite points: 59/10 and 59/20, rounded down
    }

    [Theory]
    [InlineData(1e-3, 0.5, 100)]
    [InlineData(1e-5, 1e-2, 100)]
    [InlineData(1e-2, 5.0, 37)]
    public void Regions_tile_the_curve_in_order(double centre, double climbFrom, int n)
    {
        var lrs = ExpRates(n);
        var smoothed = lrs.Select(lr => Valley(lr, centre, climbFrom)).ToArray();

        var regions = FinderAnalysis.Analyse(lrs, smoothed).Regions;

        Assert.Equal([RegionKind.Flat, RegionKind.Descending, RegionKind.Best, RegionKind.Climbing], regions.Select(r => r.Kind));
        Assert.Equal(0, regions[0].Start);
        Assert.Equal(n, regions[^1].End);
        for (var i = 1; i < regions.Count; i++)
        {
            Assert.Equal(regions[i - 1].End, regions[i].Start);
        }

        foreach (var r in regions)
        {
            Assert.Equal(lrs[r.Start], r.FromLr);
            Assert.Equal(lrs[r.End - 1], r.ToLr);
        }

        var best = regions.Single(r => r.Kind == RegionKind.Best);
        var lowest = Array.IndexOf(smoothed, smoothed.Min());
        Assert.InRange(lowest, best.Start, best.End - 1);
    }

    [Fact]
    public void The_climb_counts_a_doubling_of_a_tiny_best_loss()
    {
        // Like SGD on the bowl: 34 down to 1e-6, then the blow-up starts; 10 % of the drop (3.4) would
        // be far too late, doubling the best is the signal.
        var lrs = ExpRates(50, 1e-3, 1);
        var smoothed = lrs.Select((_, i) => i < 30 ? 34 * Math.Pow(1e-6 / 34, i / 29.0) : 1e-6 * Math.Pow(1.5, i - 29)).ToArray();

        var a = FinderAnalysis.Analyse(lrs, smoothed);

        Assert.Equal(lrs[31], a.ClimbLr); // 1.5e-6 is not above 2e-6; 2.25e-6 is
    }

    [Fact]
    public void The_explanation_names_the_suggestion_and_the_climb()
    {
        var lrs = ExpRates(100);
        var smoothed = lrs.Select(lr => Valley(lr, 1e-3, 0.5)).ToArray();
        var a = FinderAnalysis.Analyse(lrs, smoothed);

        var text = FinderExplanation.Describe(a, RangeTestStop.Diverged, 100, 100);

        Assert.Contains("4×", text, StringComparison.Ordinal);
        Assert.Contains(a.SuggestedLr!.Value.ToString("G3", System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        Assert.Contains("10× below the climb", text, StringComparison.Ordinal);
    }
}
