using LrLab.Core.Finder;
using LrLab.Core.Optimizers;
using LrLab.Core.Tests.Training;

namespace LrLab.Core.Tests.Finder;

/// <summary>The range test on the real MNIST network (784-128-10, batch 64, 8,000 training digits).</summary>
public sealed class MnistFinderTests
{
    [Theory]
    [InlineData("sgd")]
    [InlineData("momentum")]
    [InlineData("adam")]
    public void The_suggestion_lands_on_the_best_rate_of_the_coarse_grid(string optimizer)
    {
        var data = TestData.Mnist;
        using var target = MlpRangeTestTarget.Create(data, OptimizerFactory.Create(optimizer, new OptimizerOptions()));
        var result = RangeTest.Run(target);

        // One epoch (125 mini-batches) per grid rate, from the same weights and batch order as the test.
        var grid = CoarseGridComparison.Run(
            () => MlpRangeTestTarget.Create(data, OptimizerFactory.Create(optimizer, new OptimizerOptions())),
            CoarseGrid.For(optimizer),
            target.Trainer.StepsPerEpoch,
            result.SuggestedLr,
            t => ((MlpRangeTestTarget)t).Evaluate() is var (accuracy, loss) ? (loss, accuracy) : default);

        Assert.Equal(FinderAnalysis.SteepestDescent, result.Method);
        Assert.True(grid.SuggestionNearBest, $"suggested {result.SuggestedLr}, nearest grid rate {grid.NearestGridLr}, best {grid.BestLr}");
        var best = grid.Runs.Single(r => r.Lr == grid.BestLr);
        Assert.True(best.TestAccuracy > 0.85, $"best grid run reached only {best.TestAccuracy:P1}");
    }

    [Fact]
    public void The_network_and_its_batch_order_are_restored()
    {
        using var tested = MlpRangeTestTarget.Create(TestData.Mnist, OptimizerFactory.Create("adam", new OptimizerOptions()));
        using var untouched = MlpRangeTestTarget.Create(TestData.Mnist, OptimizerFactory.Create("adam", new OptimizerOptions()));
        tested.TrainStep(1e-3);
        untouched.TrainStep(1e-3);

        var result = RangeTest.Run(tested, new RangeTestOptions { NumIter = 40 });

        Assert.True(result.Restored);
        Assert.Equal(untouched.Trainer.Model.Parameters, tested.Trainer.Model.Parameters);
        Assert.Equal(untouched.Trainer.Steps, tested.Trainer.Steps);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(untouched.TrainStep(1e-3), tested.TrainStep(1e-3));
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_curve()
    {
        FinderResult Run(int seed)
        {
            using var target = MlpRangeTestTarget.Create(TestData.Mnist, OptimizerFactory.Create("sgd", new OptimizerOptions()), hidden: 32, seed: seed);
            return RangeTest.Run(target, new RangeTestOptions { NumIter = 30, StartLr = 1e-4 });
        }

        Assert.Equal(Run(3).Losses, Run(3).Losses);
        Assert.NotEqual(Run(3).Losses, Run(4).Losses);
    }
}
