using LrLab.Core.Plotting;

namespace LrLab.Web.Tests.Charts;

public sealed class AxisScaleTests
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
    public void Extent_skips_gaps_and_keeps_log_axes_positive()
    {
        var (min, max) = Scale.Extent([double.NaN, 0, 0.5, 40, double.PositiveInfinity], log: true);
        Assert.Equal(0.5, min);
        Assert.Equal(40, max);
    }

    [Fact]
    public void Extent_of_a_constant_is_widened()
    {
        var (min, max) = Scale.Extent([3.0, 3.0], log: false);
        Assert.True(min < 3 && max > 3);
    }

    [Fact]
    public void Extent_caps_an_overflowing_run_at_sixty_decades()
    {
        var (min, max) = Scale.Extent([1e-3, 1e300], log: true);
        Assert.Equal(1e300, max);
        Assert.Equal(1e240, min, 1e228);
    }

    [Fact]
    public void Log_axis_rejects_non_positive_limits()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new Scale(0, 1, 0, 1, log: true));
}
