using LrLab.Web.Learn;

namespace LrLab.Web.Tests.Learn;

public sealed class LessonRunsTests
{
    [Theory]
    [InlineData("sgd", "limit 2/λmax = 0.5")]
    [InlineData("momentum", "momentum limit (2+2β)/λmax = 0.95 at β = 0.9")]
    [InlineData("nesterov", "momentum limit (2+2β)/((1+2β)λmax) = 0.3393 at β = 0.9")]
    [InlineData("adam", "2/λmax = 0.5 is plain SGD's limit; adam rescales its steps, so it has none of its own")]
    public void The_widget_states_the_limit_of_the_optimizer_selected(string optimizer, string expected)
    {
        var note = LessonRuns.LimitNote(LessonRuns.Bowl, optimizer, 0.1);
        Assert.Contains(expected, note, StringComparison.Ordinal);
        Assert.StartsWith(" · largest curvature 4", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Adam_is_never_shown_plain_sgds_limit_as_its_own()
    {
        Assert.DoesNotContain(", limit 2/λmax", LessonRuns.LimitNote(LessonRuns.Bowl, "adam", 0.001), StringComparison.Ordinal);
    }

    [Fact]
    public void Prose_numbers_use_a_typographic_minus_and_percentages_round()
    {
        Assert.Equal("−0.5625", LessonRuns.Text(-0.5625, 4));
        Assert.Equal("60 %", LessonRuns.Percent(0.5987));
        Assert.Equal("never", LessonRuns.Text((int?)null));
    }
}
