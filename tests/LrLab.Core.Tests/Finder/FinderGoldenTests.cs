using System.Text.Json;
using LrLab.Core.Finder;
using LrLab.Core.Optimizers;
using LrLab.Core.Surfaces;

namespace LrLab.Core.Tests.Finder;

/// <summary>Our range test on a surface must retrace the one tools/golden_finder.py ran with torch.optim.</summary>
public sealed class FinderGoldenTests
{
    public static TheoryData<string> CaseIds => [.. GoldenFinderCase.All.Keys.Where(k => !k.StartsWith("mlp-", StringComparison.Ordinal))];

    [Fact]
    public void Fixture_covers_both_modes_several_optimizers_and_every_stop_reason()
    {
        var cases = GoldenFinderCase.All.Values.ToList();
        Assert.InRange(cases.Count, 10, 40);
        Assert.Equal(["exp", "linear"], cases.Select(c => c.Mode).Distinct().Order());
        Assert.Equal(["adam", "momentum", "rmsprop", "sgd"], cases.Select(c => c.Optimizer).Distinct().Order());
        Assert.Contains(cases, c => c.Stop == "diverged");
        Assert.Contains(cases, c => c.Stop == "completed");
        Assert.Equal(2, cases.Count(c => c.Surface.StartsWith("mlp:", StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Range_test_matches_PyTorch(string id)
    {
        var golden = GoldenFinderCase.All[id];
        var target = new SurfaceRangeTestTarget(SurfaceCatalog.Resolve(golden.Surface), OptimizerFactory.Create(golden.Optimizer, new OptimizerOptions { Lr = golden.StartLr }));
        var options = new RangeTestOptions
        {
            StartLr = golden.StartLr,
            EndLr = golden.EndLr,
            NumIter = golden.NumIter,
            Mode = golden.Mode == "exp" ? RangeTestMode.Exponential : RangeTestMode.Linear,
            Beta = golden.Beta,
            DivergeThreshold = golden.Threshold,
        };

        var result = RangeTest.Run(target, options);

        Assert.Equal(golden.Lrs.Length, result.Iterations);
        Assert.Equal(golden.Stop, JsonSerializer.Serialize(result.StopReason).Trim('"'));
        for (var i = 0; i < golden.Lrs.Length; i++)
        {
            AssertClose(golden.Lrs[i], result.Lrs[i], 1e-12, $"{id} lr[{i}]");
            AssertClose(golden.Losses[i], result.Losses[i], 1e-9, $"{id} loss[{i}]");
            AssertClose(golden.Smoothed[i], result.SmoothedLosses[i], 1e-9, $"{id} smoothed[{i}]");
        }

        Assert.Equal(golden.Method, result.Method);
        Assert.NotNull(result.SuggestedLr);
        AssertClose(golden.SuggestedLr!.Value, result.SuggestedLr.Value, 1e-12, $"{id} suggestion");
    }

    public static TheoryData<string> NetworkCaseIds => [.. GoldenFinderCase.All.Keys.Where(k => k.StartsWith("mlp-", StringComparison.Ordinal))];

    /// <summary>
    /// The test on a float32 784-16-10 network against PyTorch's: same weights, same batches. Single
    /// precision and a different summation order in the matrix products keep the losses apart by rounding,
    /// which the rising rate amplifies: about 5e-6 relative by the end of the ramp; we allow 1e-4.
    /// </summary>
    [Theory]
    [MemberData(nameof(NetworkCaseIds))]
    public void Network_range_test_matches_PyTorch(string id)
    {
        var golden = GoldenFinderCase.All[id];
        var parts = golden.Surface.Split(':');
        using var target = new OrderedMlpTarget(Training.TestData.Mnist.Train, int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture), OptimizerFactory.Create(golden.Optimizer, new OptimizerOptions()));
        var result = RangeTest.Run(target, new RangeTestOptions { StartLr = golden.StartLr, EndLr = golden.EndLr, NumIter = golden.NumIter, Beta = golden.Beta });

        Assert.Equal(golden.Lrs.Length, result.Iterations);
        for (var i = 0; i < golden.Lrs.Length; i++)
        {
            AssertClose(golden.Lrs[i], result.Lrs[i], 1e-12, $"{id} lr[{i}]");
            AssertClose(golden.Losses[i], result.Losses[i], 1e-4, $"{id} loss[{i}]");
            AssertClose(golden.Smoothed[i], result.SmoothedLosses[i], 1e-4, $"{id} smoothed[{i}]");
        }

        Assert.Equal(golden.Method, result.Method);
        var step = Math.Pow(golden.EndLr / golden.StartLr, 1.0 / (golden.NumIter - 1));
        Assert.InRange(result.SuggestedLr!.Value, golden.SuggestedLr!.Value / step / 1.0001, golden.SuggestedLr.Value * step * 1.0001);
    }

    private static void AssertClose(double expected, double actual, double tolerance, string what)
    {
        var scale = Math.Max(Math.Abs(expected), 1e-300);
        Assert.True(Math.Abs(expected - actual) <= tolerance * scale, $"{what}: expected {expected:R}, got {actual:R}");
    }
}
