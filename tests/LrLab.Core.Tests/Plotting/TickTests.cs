using LrLab.Core.Plotting;

namespace LrLab.Core.Tests.Plotting;

public sealed class TickTests
{
    [Theory]
    [InlineData(0, 10, 5, new[] { 0.0, 2, 4, 6, 8, 10 })]
    [InlineData(0, 1, 4, new[] { 0.0, 0.5, 1 })]
    [InlineData(-4.2, 4.2, 9, new[] { -4.0, -3, -2, -1, 0, 1, 2, 3, 4 })]
    [InlineData(0.13, 0.61, 5, new[] { 0.2, 0.3, 0.4, 0.5, 0.6 })]
    [InlineData(0, 500, 6, new[] { 0.0, 100, 200, 300, 400, 500 })]
    public void Linear_ticks_are_round_values_inside_the_range(double min, double max, int count, double[] expected)
    {
        var ticks = Ticks.Linear(min, max, count).Select(t => t.Value).ToArray();
        Assert.Equal(expected.Length, ticks.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], ticks[i], 1e-12);
        }
    }

    [Theory]
    [InlineData(-3, 3, 0.5, "-3.0")]
    [InlineData(0.25, 0.3, 0.05, "0.25")]
    [InlineData(2e-5, 1e-5, 1e-5, "2e-5")]
    [InlineData(150000, 150000, 50000, "1.5e5")]
    [InlineData(0, 0, 1, "0")]
    public void Labels_are_compact(double value, double unused, double step, string label)
    {
        _ = unused;
        Assert.Equal(label, Ticks.Format(value, step));
    }

    [Theory]
    [InlineData(1e-5, 10, 8, new[] { "1e-5", "1e-4", "0.001", "0.01", "0.1", "1", "10" })]
    [InlineData(1e-5, 10, 4, new[] { "1e-4", "0.01", "1" })]
    [InlineData(0.15, 30, 8, new[] { "0.2", "0.5", "1", "2", "5", "10", "20" })]
    [InlineData(1e-12, 1e12, 6, new[] { "1e-10", "1e-5", "1", "1e5", "1e10" })]
    public void Log_ticks_are_powers_of_ten_thinned_to_fit(double min, double max, int count, string[] labels)
    {
        Assert.Equal(labels, Ticks.Log(min, max, count).Select(t => t.Label));
    }

    [Theory]
    [InlineData(0.7, 1)]
    [InlineData(1.3, 2)]
    [InlineData(3, 5)]
    [InlineData(7, 10)]
    [InlineData(0.0023, 0.005)]
    public void Nice_steps_are_1_2_5_times_a_power_of_ten(double rough, double nice)
        => Assert.Equal(nice, Ticks.NiceStep(rough), 1e-15);
}
