using LrLab.Core.Finder;

namespace LrLab.Core.Tests.Finder;

public sealed class RangeTestOptionsTests
{
    public static TheoryData<RangeTestOptions, string> BadOptions => new()
    {
        { new RangeTestOptions { StartLr = 0 }, "start_lr" },
        { new RangeTestOptions { StartLr = -1e-3 }, "start_lr" },
        { new RangeTestOptions { StartLr = double.NaN }, "start_lr" },
        { new RangeTestOptions { StartLr = 1, EndLr = 1 }, "end_lr" },
        { new RangeTestOptions { StartLr = 1, EndLr = 0.5 }, "end_lr" },
        { new RangeTestOptions { EndLr = double.PositiveInfinity }, "end_lr" },
        { new RangeTestOptions { NumIter = 1 }, "num_iter" },
        { new RangeTestOptions { NumIter = 0 }, "num_iter" },
        { new RangeTestOptions { NumIter = RangeTestOptions.MaxIterations + 1 }, "num_iter" },
        { new RangeTestOptions { Beta = 1 }, "beta" },
        { new RangeTestOptions { Beta = -0.1 }, "beta" },
        { new RangeTestOptions { DivergeThreshold = 1 }, "diverge_threshold" },
        { new RangeTestOptions { Mode = (RangeTestMode)7 }, "mode" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Bad_options_name_their_flag_and_run_nothing(RangeTestOptions options, string flag)
    {
        var target = new ScriptedTarget((_, _) => 1.0);
        var e = Assert.Throws<InputException>(() => new RangeTestRun(target, options));
        Assert.Equal(flag, e.Parameter);
        Assert.Equal(0, target.Steps);
    }

    [Fact]
    public void The_defaults_are_fastais()
    {
        var options = new RangeTestOptions();
        options.Validate();
        Assert.Equal((1e-7, 10.0, 100, RangeTestMode.Exponential, 0.98, 4.0), (options.StartLr, options.EndLr, options.NumIter, options.Mode, options.Beta, options.DivergeThreshold));
        Assert.Equal(1e-7, options.RateAt(0));
        Assert.Equal(10.0, options.RateAt(99), 1e-12);
        Assert.Equal(1e-6, options.RateAt(30) * options.RateAt(69), 1e-18); // geometric: symmetric about √(1e-7·10)
    }
}
