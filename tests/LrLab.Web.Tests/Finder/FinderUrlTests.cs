using LrLab.Core.Finder;
using LrLab.Web.Finder;

namespace LrLab.Web.Tests.Finder;

public sealed class FinderUrlTests
{
    [Theory]
    [InlineData("", "sgd", false)]
    [InlineData("?optimizer=adam", "adam", false)]
    [InlineData("?optimizer=ADAMW", "adamw", false)]
    [InlineData("?lr=0.1&optimizer=rmsprop", "rmsprop", false)]
    [InlineData("?optimizer=", "sgd", true)]
    [InlineData("?optimizer=adamax", "sgd", true)]
    [InlineData("?optimizer=%3Cscript%3E", "sgd", true)]
    public void Parses_the_optimizer(string query, string optimizer, bool problem)
    {
        var (parsed, notices) = FinderUrl.Parse(query);
        Assert.Equal(optimizer, parsed.Optimizer);
        Assert.Equal(problem, notices.Count > 0);
    }

    [Theory]
    [InlineData("?start=1e-5&end=1", 1e-5, 1, 100, RangeTestMode.Exponential, 64, 0)]
    [InlineData("?iters=40&end=1", 1e-7, 1, 40, RangeTestMode.Exponential, 64, 0)]
    [InlineData("?mode=linear&start=0.001&end=2&iters=1000", 0.001, 2, 1000, RangeTestMode.Linear, 64, 0)]
    [InlineData("?MODE=Exp&batch=256&seed=7", 1e-7, 10, 100, RangeTestMode.Exponential, 256, 7)]
    [InlineData("?start=1E-07&end=100&iters=10&batch=1&seed=2147483647", 1e-7, 100, 10, RangeTestMode.Exponential, 1, int.MaxValue)]
    [InlineData("?start=1e-6&end=1e+0", 1e-6, 1, 100, RangeTestMode.Exponential, 64, 0)]
    [InlineData("?start=1e-6&end=1e%2B1&mode=%20linear%20", 1e-6, 10, 100, RangeTestMode.Linear, 64, 0)]
    public void Reads_the_ramp_batch_and_seed(string query, double start, double end, int iters, RangeTestMode mode, int batch, int seed)
    {
        var (s, notices) = FinderUrl.Parse(query);
        Assert.Empty(notices);
        Assert.Equal((start, end, iters, mode, batch, seed), (s.StartLr, s.EndLr, s.Iterations, s.Mode, s.BatchSize, s.Seed));
    }

    [Theory]
    [InlineData("?start=0", "start", 1e-7, 10, 100)]
    [InlineData("?start=abc&end=1", "start", 1e-7, 1, 100)]
    [InlineData("?end=1000", "end", 1e-7, 10, 100)]
    [InlineData("?end=-1", "end", 1e-7, 10, 100)]
    [InlineData("?end=NaN", "end", 1e-7, 10, 100)]
    [InlineData("?start=1&end=0.1", "end", 1, 10, 100)]
    [InlineData("?start=20", "start", 1e-7, 10, 100)]
    [InlineData("?start=50&end=20", "end", 1e-7, 10, 100)]
    [InlineData("?iters=9", "iters", 1e-7, 10, 100)]
    [InlineData("?iters=1001", "iters", 1e-7, 10, 100)]
    [InlineData("?iters=40.5", "iters", 1e-7, 10, 100)]
    [InlineData("?mode=cosine", "mode", 1e-7, 10, 100)]
    [InlineData("?batch=0", "batch", 1e-7, 10, 100)]
    [InlineData("?batch=5000", "batch", 1e-7, 10, 100)]
    [InlineData("?seed=-3", "seed", 1e-7, 10, 100)]
    [InlineData("?seed=99999999999", "seed", 1e-7, 10, 100)]
    public void A_bad_value_is_named_and_replaced_by_its_default(string query, string name, double start, double end, int iters)
    {
        var (s, notices) = FinderUrl.Parse(query);
        Assert.Contains(notices, n => n.StartsWith(name + ":", StringComparison.Ordinal));
        Assert.Equal((start, end, iters), (s.StartLr, s.EndLr, s.Iterations));
        Assert.True(s.StartLr < s.EndLr);
        Assert.Equal(64, s.BatchSize);
        Assert.Equal(0, s.Seed);
        Assert.Equal(RangeTestMode.Exponential, s.Mode);
    }

    [Fact]
    public void The_defaults_give_the_specs_short_link() =>
        Assert.Equal("finder?optimizer=sgd", FinderUrl.Build(new FinderSettings()));

    [Fact]
    public void Only_changed_settings_go_into_the_link() =>
        Assert.Equal("finder?optimizer=adam&end=1&iters=40", FinderUrl.Build(new FinderSettings { Optimizer = "adam", EndLr = 1, Iterations = 40 }));

    public static TheoryData<FinderSettings> RoundTrips => new()
    {
        new FinderSettings { Optimizer = "nadam" },
        new FinderSettings { StartLr = 1e-6, EndLr = 1, Iterations = 40 },
        new FinderSettings { Optimizer = "momentum", StartLr = 0.000123456789, EndLr = 3.3, Iterations = 1000, Mode = RangeTestMode.Linear, BatchSize = 1, Seed = 123 },
        new FinderSettings { StartLr = 1e-10, EndLr = 100, Iterations = 10, BatchSize = 1024, Seed = int.MaxValue },
    };

    [Theory]
    [MemberData(nameof(RoundTrips))]
    public void A_built_link_parses_back_to_the_same_settings(FinderSettings settings)
    {
        var (parsed, notices) = FinderUrl.Parse(new Uri("http://x/" + FinderUrl.Build(settings)).Query);
        Assert.Empty(notices);
        Assert.Equal(settings, parsed);
    }
}
