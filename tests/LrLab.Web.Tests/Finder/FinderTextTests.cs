using LrLab.Web.Finder;

namespace LrLab.Web.Tests.Finder;

public sealed class FinderTextTests
{
    [Theory]
    [InlineData("… and never climbed back: raise --end-lr to see where it breaks.", "… and never climbed back: raise the end rate to see where it breaks.")]
    [InlineData("No finite loss was recorded, so there is nothing to suggest: lower --start-lr.", "No finite loss was recorded, so there is nothing to suggest: lower the start rate.")]
    [InlineData("All 100 mini-batches ran.", "All 100 mini-batches ran.")]
    public void The_explanation_names_the_pages_boxes_not_the_clis_flags(string core, string page) => Assert.Equal(page, FinderText.Explanation(core));

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
