using LrLab.Core.Finder;
using LrLab.Web.Finder;

namespace LrLab.Web.Tests.Finder;

public sealed class FinderControllerTests
{
    private static FinderController Controller(SurfaceFinderModel model, Func<Task>? pause = null)
        => new(model, pause ?? (() => Task.CompletedTask), TimeSpan.Zero);

    [Fact]
    public async Task The_range_test_runs_in_slices_and_reports_a_suggestion()
    {
        var model = new SurfaceFinderModel();
        using var controller = Controller(model);
        var changes = 0;
        var phases = new HashSet<FinderPhase>();
        controller.Changed += () =>
        {
            changes++;
            phases.Add(controller.Phase);
        };

        await controller.RunRangeTestAsync();

        Assert.NotNull(controller.Result);
        Assert.NotNull(controller.Result.SuggestedLr);
        Assert.True(changes > controller.Result.Iterations, "the page should hear about every slice");
        Assert.Contains(FinderPhase.Loading, phases);
        Assert.Contains(FinderPhase.RangeTest, phases);
        Assert.Equal(FinderPhase.Idle, controller.Phase);
        Assert.Equal(1.0, controller.Progress);
        Assert.StartsWith("Range test done", controller.Status, StringComparison.Ordinal);
        Assert.Null(controller.Error);
        Assert.Equal(1, model.Loads);
    }

    [Fact]
    public async Task Cancel_stops_the_test_and_keeps_the_partial_curve()
    {
        var model = new SurfaceFinderModel();
        FinderController? controller = null;
        var pauses = 0;
        controller = Controller(model, () =>
        {
            if (++pauses == 10)
            {
                controller!.Cancel();
            }

            return Task.CompletedTask;
        });

        await controller.RunRangeTestAsync();

        Assert.Equal(RangeTestStop.Cancelled, controller.Result!.StopReason);
        Assert.Equal(10, controller.Result.Iterations);
        Assert.True(controller.Result.Restored);
        Assert.Contains("cancelled", controller.Status, StringComparison.Ordinal);
        controller.Dispose();
    }

    [Fact]
    public async Task Train_with_this_rate_races_a_hundredth_and_ten_times()
    {
        var model = new SurfaceFinderModel("bowl");
        using var controller = Controller(model);
        controller.TrainSteps = 30;

        await controller.TrainComparisonAsync(0.1);

        var curves = controller.Comparison;
        Assert.Equal([0.001, 0.1, 1.0], curves.Select(c => c.Lr), new ToleranceComparer(1e-15));
        Assert.Equal(30, curves[0].Losses.Count);
        Assert.True(curves[1].LastSmoothed < curves[0].LastSmoothed, "the suggested rate should beat a hundredth of it");
        Assert.True(curves[2].Losses[^1] > curves[2].Losses[0], "ten times the rate on the bowl (limit 0.5) diverges");
        Assert.Equal(0.5, curves[1].TestAccuracy);
        Assert.Equal(3, model.Created.Count);
        Assert.Single(model.Created.Select(c => c.Seed).Distinct());
    }

    [Fact]
    public async Task Training_can_be_stopped_part_way()
    {
        FinderController? controller = null;
        var pauses = 0;
        controller = Controller(new SurfaceFinderModel(), () =>
        {
            if (++pauses == 7)
            {
                controller!.Cancel();
            }

            return Task.CompletedTask;
        });

        await controller.TrainComparisonAsync(0.1);

        Assert.All(controller.Comparison, c => Assert.Equal(7, c.Losses.Count));
        Assert.Equal("Training cancelled after 7 steps.", controller.Status);
        Assert.Equal(FinderPhase.Idle, controller.Phase);
        controller.Dispose();
    }

    [Theory]
    [InlineData("sgd", new[] { 0.01, 0.1, 1.0 })]
    [InlineData("adam", new[] { 1e-4, 1e-3, 1e-2 })]
    public async Task The_grid_trains_the_optimizers_coarse_grid(string optimizer, double[] rates)
    {
        using var controller = Controller(new SurfaceFinderModel());
        controller.Optimizer = optimizer;
        controller.TrainSteps = 5;

        await controller.TrainGridAsync();

        Assert.Equal(rates, controller.Grid.Select(c => c.Lr));
        Assert.All(controller.Grid, c => Assert.Equal(5, c.Losses.Count));
    }

    [Fact]
    public async Task Bad_settings_become_a_message_not_a_crash()
    {
        using var controller = Controller(new SurfaceFinderModel());
        controller.Settings = new FinderSettings { Iterations = 1 };

        await controller.RunRangeTestAsync();

        Assert.Null(controller.Result);
        Assert.Contains("Mini-batches must be", controller.Error, StringComparison.Ordinal);
        Assert.Equal(FinderPhase.Idle, controller.Phase);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance * Math.Max(1, Math.Abs(x));

        public int GetHashCode(double obj) => 0;
    }
}
