using LrLab.Web.Finder;

namespace LrLab.Web.Tests.Finder;

public sealed class FinderTextTests
{
    [Theory]
    [InlineData("num_iter", "Mini-batches must be between 2 and 10000, got 1")]
    [InlineData("start_lr", "Start rate must be between 2 and 10000, got 1")]
    public void Core_messages_name_the_pages_fields(string parameter, string page) =>
        Assert.Equal(page, ParameterNames.Say(LrLab.Core.InputException.For(parameter, "must be between 2 and 10000, got 1")));

    [Theory]
    [InlineData("steepest-descent", "steepest descent")]
    [InlineData("min-loss/10", "lowest loss ÷ 10")]
    [InlineData("none", "none found")]
    public void The_suggestions_label_says_how_it_was_found(string method, string words) => Assert.Equal(words, FinderText.MethodName(method));

    [Theory]
    [InlineData(1e-7, 0.00159, "1e-07–0.00159")]
    [InlineData(1, 1, "1")]
    [InlineData(0.99999, 1.00001, "1")]
    [InlineData(0.89, 1.56, "0.89–1.56")]
    public void A_region_of_one_point_shows_one_rate(double from, double to, string text) => Assert.Equal(text, FinderText.Span(from, to));
}
