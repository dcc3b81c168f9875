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
        var (parsed, message) = FinderUrl.Parse(query);
        Assert.Equal(optimizer, parsed);
        Assert.Equal(problem, message is not null);
    }

    [Fact]
    public void Builds_a_link_that_parses_back() => Assert.Equal("nadam", FinderUrl.Parse(new Uri("http://x/" + FinderUrl.Build("nadam")).Query).Optimizer);
}
