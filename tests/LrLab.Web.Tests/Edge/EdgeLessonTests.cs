using LrLab.Web.Edge;
using LrLab.Web.Learn;

namespace LrLab.Web.Tests.Edge;

public sealed class EdgeLessonTests
{
    [Fact]
    public void Too_large_lesson_links_to_the_default_edge_run()
    {
        var lesson = Course.Lessons.Single(l => l.Slug == "too-large");
        var section = Assert.Single(lesson.Sections, s => s.Heading.Contains("edge of stability", StringComparison.Ordinal));
        Assert.Contains($"href=\"{EdgeUrl.Build(new EdgeSettings())}\"", section.Html, StringComparison.Ordinal);
        Assert.Equal("edge?rates=0.25,0.5,1&samples=500&steps=100", EdgeUrl.Build(new EdgeSettings()));
        Assert.Contains("Guided experiment", section.Html, StringComparison.Ordinal);
    }
}
