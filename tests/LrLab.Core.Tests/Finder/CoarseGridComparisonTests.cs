using LrLab.Core.Finder;
using LrLab.Core.Optimizers;
using LrLab.Core.Surfaces;

namespace LrLab.Core.Tests.Finder;

public sealed class CoarseGridComparisonTests
{
    private static GridComparison OnBowl(double? suggested, params double[] rates) => CoarseGridComparison.Run(
        () => new SurfaceRangeTestTarget(new BowlSurface(), OptimizerFactory.Create("sgd", new OptimizerOptions())),
        rates,
        30,
        suggested,
        t => (((SurfaceRangeTestTarget)t).Loss, null));

    [Fact]
    public void Ranks_by_loss_and_puts_a_blow_up_last()
    {
        var grid = OnBowl(0.2, 1.0, 0.01, 0.1);

        Assert.Equal([0.01, 0.1, 1.0], grid.Runs.Select(r => r.Lr));
        Assert.Equal(0.1, grid.BestLr);
        Assert.True(grid.Runs[2].Diverged || grid.Runs[2].TestLoss > grid.Runs[0].TestLoss);
        Assert.Equal(0.1, grid.NearestGridLr);
        Assert.True(grid.SuggestionNearBest);
    }

    [Theory]
    [InlineData(0.03, 0.01)]
    [InlineData(0.032, 0.1)]
    [InlineData(5.0, 1.0)]
    [InlineData(1e-6, 0.01)]
    public void The_nearest_grid_rate_is_nearest_on_a_log_scale(double suggested, double nearest)
    {
        Assert.Equal(nearest, OnBowl(suggested, 0.01, 0.1, 1.0).NearestGridLr);
    }

    [Fact]
    public void No_suggestion_means_no_nearest_rate()
    {
        var grid = OnBowl(null, 0.01, 0.1);
        Assert.Null(grid.NearestGridLr);
        Assert.False(grid.SuggestionNearBest);
    }

    [Theory]
    [InlineData("sgd", 0.1)]
    [InlineData("Momentum", 0.1)]
    [InlineData("adam", 1e-3)]
    [InlineData("rmsprop", 1e-3)]
    public void Each_optimizer_gets_its_grid(string optimizer, double middle) => Assert.Equal(middle, CoarseGrid.For(optimizer)[1]);
}
