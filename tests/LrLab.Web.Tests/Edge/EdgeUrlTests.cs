using LrLab.Web.Edge;

namespace LrLab.Web.Tests.Edge;

public sealed class EdgeUrlTests
{
    [Fact]
    public void Defaults_without_a_query()
    {
        var (settings, notices) = EdgeUrl.Parse(null);
        Assert.Empty(notices);
        Assert.Equal([0.25, 0.5, 1.0], settings.Rates);
        Assert.Equal(EdgeSettings.DefaultSamples, settings.Samples);
        Assert.Equal(EdgeSettings.DefaultSteps, settings.Steps);
    }

    [Fact]
    public void Values_round_trip_through_the_url()
    {
        var (settings, notices) = EdgeUrl.Parse("?rates=0.1,%202&samples=800&steps=250");
        Assert.Empty(notices);
        Assert.Equal([0.1, 2.0], settings.Rates);
        Assert.Equal("edge?rates=0.1,2&samples=800&steps=250", EdgeUrl.Build(settings));
        Assert.True(settings.SameAs(EdgeUrl.Parse("?" + EdgeUrl.Build(settings).Split('?')[1]).Settings));
    }

    [Theory]
    [InlineData("rates=", "rates:")]
    [InlineData("rates=0.1,0.2,0.3,0.4", "rates:")]
    [InlineData("rates=0.5,abc", "rates:")]
    [InlineData("rates=0,1", "rates:")]
    [InlineData("rates=NaN", "rates:")]
    [InlineData("samples=10", "samples:")]
    [InlineData("samples=1e3", "samples:")]
    [InlineData("steps=-5", "steps:")]
    [InlineData("steps=99999999999999", "steps:")]
    public void A_bad_value_is_named_and_its_default_used(string query, string key)
    {
        var (settings, notices) = EdgeUrl.Parse("?" + query);
        var notice = Assert.Single(notices);
        Assert.StartsWith(key, notice, StringComparison.Ordinal);
        Assert.Contains("using", notice, StringComparison.Ordinal);
        Assert.True(settings.SameAs(new EdgeSettings() with { Rates = key == "rates:" ? EdgeSettings.DefaultRates : settings.Rates }));
    }
}
