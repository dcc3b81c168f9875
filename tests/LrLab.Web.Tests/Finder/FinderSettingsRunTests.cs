using System.Net;
using LrLab.Core.Finder;
using LrLab.Core.Optimizers;
using LrLab.Core.Training;
using LrLab.Web.Digits;
using LrLab.Web.Finder;
using LrLab.Web.Tests.Digits;

namespace LrLab.Web.Tests.Finder;

/// <summary>The page's runner with other settings than the defaults gives what Core's range test gives.</summary>
public sealed class FinderSettingsRunTests
{
    public static TheoryData<FinderSettings> Settings => new()
    {
        new FinderSettings { Optimizer = "sgd", StartLr = 1e-4, EndLr = 3, Iterations = 24, Mode = RangeTestMode.Exponential, BatchSize = 16, Seed = 7 },
        new FinderSettings { Optimizer = "adam", StartLr = 1e-5, EndLr = 0.5, Iterations = 30, Mode = RangeTestMode.Linear, BatchSize = 8, Seed = 3 },
        new FinderSettings { Optimizer = "momentum", StartLr = 0.01, EndLr = 100, Iterations = 12, BatchSize = 32, Seed = 11 },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public async Task The_pages_runner_on_the_mnist_network_equals_cores_range_test(FinderSettings settings)
    {
        var bytes = TinyMnistFile.Make(train: 96, test: 24, seed: 5);
        using var http = new HttpClient(new FileHandler(TinyMnistFile.Gzip(bytes))) { BaseAddress = new Uri("http://site/") };
        var model = new MnistFinderModel(new MnistDigits(http, DigitDigest.Of(bytes)));
        using var controller = new FinderController(model, () => Task.CompletedTask, TimeSpan.Zero) { Settings = settings };

        await controller.RunRangeTestAsync();

        Dataset data;
        using (var stream = new MemoryStream(bytes))
        {
            data = MnistData.Read(stream);
        }

        using var target = MlpRangeTestTarget.Create(data, OptimizerFactory.Create(settings.Optimizer, new OptimizerOptions()), MnistFinderModel.Hidden, settings.BatchSize, settings.Seed);
        var core = RangeTest.Run(target, new RangeTestOptions { StartLr = settings.StartLr, EndLr = settings.EndLr, NumIter = settings.Iterations, Mode = settings.Mode });

        var page = controller.Result!;
        Assert.Null(controller.Error);
        Assert.Equal(core.Lrs, page.Lrs);
        Assert.Equal(core.Losses, page.Losses);
        Assert.Equal(core.SmoothedLosses, page.SmoothedLosses);
        Assert.Equal(core.SuggestedLr, page.SuggestedLr);
        Assert.Equal(core.StopReason, page.StopReason);
        Assert.Equal((settings.StartLr, settings.EndLr, settings.Iterations, settings.Mode), (page.StartLr, page.EndLr, page.NumIter, page.Mode));
        Assert.Equal(settings.StartLr, page.Lrs[0]);
        Assert.Contains("batch " + settings.BatchSize, page.Target, StringComparison.Ordinal);
        Assert.Equal(settings.Optimizer, page.Optimizer);
    }

    [Theory]
    [InlineData(RangeTestMode.Exponential, 1e-4)]
    [InlineData(RangeTestMode.Linear, 1e-4 + (0.01 - 1e-4) / 39)]
    public async Task The_ramp_follows_the_settings_to_the_end(RangeTestMode mode, double second)
    {
        var model = new SurfaceFinderModel("bowl");
        var settings = new FinderSettings { StartLr = 1e-4, EndLr = 0.01, Iterations = 40, Mode = mode, BatchSize = 4, Seed = 9 };
        using var controller = new FinderController(model, () => Task.CompletedTask, TimeSpan.Zero) { Settings = settings };

        await controller.RunRangeTestAsync();

        var r = controller.Result!;
        Assert.Equal(40, r.Iterations);
        Assert.Equal(RangeTestStop.Completed, r.StopReason);
        Assert.Equal(1e-4, r.Lrs[0]);
        Assert.Equal(0.01, r.Lrs[^1], 15);
        if (mode == RangeTestMode.Exponential)
        {
            Assert.Equal(Math.Pow(100, 1.0 / 39), r.Lrs[1] / r.Lrs[0], 12);
        }
        else
        {
            Assert.Equal(second, r.Lrs[1], 15);
        }

        Assert.Equal(("sgd", 9, 4), model.Created.Single());
        Assert.Equal(settings, controller.Tested);
        Assert.Equal("Range test done", controller.Status[..15]);
        Assert.EndsWith("40 mini-batches.", controller.Status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_with_this_rate_trains_the_tested_network_even_after_the_settings_changed()
    {
        var model = new SurfaceFinderModel("bowl");
        var tested = new FinderSettings { Optimizer = "adam", BatchSize = 8, Seed = 4, Iterations = 20 };
        using var controller = new FinderController(model, () => Task.CompletedTask, TimeSpan.Zero) { Settings = tested };
        await controller.RunRangeTestAsync();

        controller.Settings = new FinderSettings { Optimizer = "sgd", BatchSize = 100, Seed = 1 };
        await controller.TrainComparisonAsync(0.01);

        Assert.Equal(250, controller.Comparison[0].Losses.Count); // one pass of 2,000 samples at batch 8
        Assert.All(model.Created.Skip(1), c => Assert.Equal(("adam", 4, 8), c));

        await controller.TrainGridAsync();
        Assert.Equal(20, controller.Grid[0].Losses.Count); // the grid uses the current settings: batch 100
        Assert.All(model.Created.Skip(4), c => Assert.Equal(("sgd", 1, 100), c));
        Assert.Equal(controller.Settings, controller.GridSettings);
    }

    private sealed class FileHandler(byte[] bytes) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Assert.EndsWith("/data/mnist.bin.gz", request.RequestUri!.AbsolutePath, StringComparison.Ordinal);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes) });
        }
    }
}
