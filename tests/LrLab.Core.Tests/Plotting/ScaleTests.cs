using LrLab.Core.Plotting;

namespace LrLab.Core.Tests.Plotting;

public sealed class ScaleTests
{
    [Theory]
    [InlineData(0.001, 0)]
    [InlineData(0.01, 100)]
    [InlineData(0.1, 200)]
    [InlineData(1, 300)]
    [InlineData(0.0316227766016838, 150)]
    public void Log_axis_spaces_decades_evenly(double value, double pixel)
    {
        var scale = new Scale(0.001, 1, 0, 300, log: true);
        Assert.Equal(pixel, scale.Map(value), 1e-9);
        Assert.Equal(value, scale.Invert(pixel), value * 1e-12);
    }

    [Theory]
    [InlineData(0, 400)]
    [InlineData(5, 200)]
    [InlineData(10, 0)]
    public void Linear_y_axis_grows_upwards(double value, double pixel)
    {
        var scale = new Scale(0, 10, 400, 0, log: false);
        Assert.Equal(pixel, scale.Map(value), 1e-12);
        Assert.Equal(value, scale.Invert(pixel), 1e-12);
    }

    [Theory]
    [InlineData(double.NaN, false)]
    [InlineData(double.PositiveInfinity, false)]
    [InlineData(0.0, true)]
    [InlineData(-1.0, true)]
    public void Values_that_cannot_be_shown_map_to_nan(double value, bool log)
    {
        var scale = log ? new Scale(1, 10, 0, 100, true) : new Scale(0, 1, 0, 100, false);
        Assert.True(double.IsNaN(scale.Map(value)));
    }

    [Fact]
    public void Fit_skips_gaps_keeps_log_axes_positive_and_pads_by_a_factor()
    {
        var horizontal = Scale.Fit(new Axis("x", Log: true), [double.NaN, 0, 0.5, 40, double.PositiveInfinity], 0, 100);
        Assert.Equal(0.5 / 1.2, horizontal.Min, 1e-12);
        Assert.Equal(40 * 1.2, horizontal.Max, 1e-12);
        var vertical = Scale.Fit(new Axis("y", Log: true), [0.5, 40], 100, 0);
        Assert.Equal(0.5 / 1.5, vertical.Min, 1e-12);
        Assert.Equal(40 * 1.5, vertical.Max, 1e-12);
    }

    [Fact]
    public void Fit_keeps_fixed_ends_and_pads_a_linear_axis_by_four_percent()
    {
        var fixedAxis = Scale.Fit(new Axis("y", Min: 0, Max: 2), [0.5, 40], 100, 0);
        Assert.Equal((0.0, 2.0), (fixedAxis.Min, fixedAxis.Max));
        var free = Scale.Fit(new Axis("x"), [0, 100], 0, 100);
        Assert.Equal((-4.0, 104.0), (free.Min, free.Max));
    }

    [Fact]
    public void Fit_widens_a_constant()
    {
        var scale = Scale.Fit(new Axis("x"), [3.0, 3.0], 0, 100);
        Assert.True(scale.Min < 3 && scale.Max > 3);
    }

    [Fact]
    public void Fit_caps_an_overflowing_run_at_sixty_decades()
    {
        var scale = Scale.Fit(new Axis("x", Log: true), [1e-3, 1e300], 0, 100);
        Assert.Equal(1e300, scale.Max);
        Assert.Equal(1e240 / 1.2, scale.Min, 1e228);
    }

    [Fact]
    public void Log_axis_rejects_non_positive_limits()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new Scale(0, 1, 0, 1, log: true));
}
