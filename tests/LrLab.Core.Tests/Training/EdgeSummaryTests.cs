using LrLab.Core.Training;

namespace LrLab.Core.Tests.Training;

/// <summary>How a run's settled sharpness is read against 2/η.</summary>
public sealed class EdgeSummaryTests
{
    private static EdgeSummary Settled(double lr, params double[] sharpness)
    {
        var points = sharpness.Select((value, i) => new SharpnessPoint(i * 10, value)).ToList();
        float[] losses = [2.3f, 2.0f, 1.8f, 1.7f];
        return EdgeSummary.Of(lr, losses, points)!;
    }

    // The settled values of docs/benchmarks.md's native runs (784-128-10, 2,000 digits, 200 steps) and of a short browser run.
    [Theory]
    [InlineData(0.1, 7.03, EdgeRegime.Below)] // 0.35 × 2/η
    [InlineData(0.25, 5.88, EdgeRegime.Approaching)] // 0.735 × 2/η
    [InlineData(0.25, 6.16, EdgeRegime.Approaching)] // 0.77 × 2/η: the browser's 100-step run, once called "at about 2/η"
    [InlineData(1.0, 1.62, EdgeRegime.Approaching)] // 0.81 × 2/η
    [InlineData(0.5, 3.53, EdgeRegime.AtEdge)] // 0.88 × 2/η, hovering between 3.28 and 4.02
    [InlineData(1.0, 3.2, EdgeRegime.Above)] // 1.6 × 2/η
    public void Regime_follows_the_settled_fraction(double lr, double settled, EdgeRegime expected)
    {
        Assert.Equal(expected, Settled(lr, 1.0, settled, settled, settled).Regime);
    }

    [Fact]
    public void A_fraction_of_0_77_is_not_called_the_edge()
    {
        var summary = Settled(0.25, 1.0, 6.16, 6.16);
        Assert.Equal(0.77, summary.SettledFraction, 2);
        Assert.DoesNotContain("edge of stability", summary.RegimeWords, StringComparison.Ordinal);
    }
}
