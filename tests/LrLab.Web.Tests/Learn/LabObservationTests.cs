using LrLab.Core;
using LrLab.Web.Lab;
using LrLab.Web.Learn;

namespace LrLab.Web.Tests.Learn;

public sealed class LabObservationTests
{
    [Fact]
    public void A_race_gives_one_observation_per_rate_with_the_selected_rate_last()
    {
        var seen = LabObservation.FromLab(new LabState { Surface = "bowl", Lr = 0.001, Compare = [0.001, 0.05, 0.6] });

        Assert.Equal([0.05, 0.6, 0.001], seen.Select(s => s.Lr));
        Assert.All(seen, s => Assert.Equal("bowl", s.Surface));
        Assert.Equal(Verdict.TooLarge, seen[1].Verdict);
        Assert.Equal(Verdict.TooSmall, seen[2].Verdict);
        Assert.Equal(200, seen[2].Steps);
        Assert.Null(seen[2].StepsToConverge);
        Assert.NotNull(seen[0].StepsToConverge);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("ExponentialLR(gamma=0.95)", "exponential")]
    [InlineData("ExponentialLR( gamma = 0.95 )", "exponential")]
    [InlineData("StepLR(step_size=7, gamma=0.5)", "spec")]
    public void A_schedule_is_named_like_the_lesson_widget_names_it(string? typed, string? name)
    {
        var (state, notices) = LabUrl.Parse(typed is null ? "lr=0.01" : "lr=0.01&schedule=" + Uri.EscapeDataString(typed));
        Assert.Empty(notices);

        var seen = Assert.Single(LabObservation.FromLab(state));

        // A preset is known by its name (as experiments ask for it); any other schedule by its spec.
        Assert.Equal(name == "spec" ? state.Schedule : name, seen.Schedule);
    }
}
