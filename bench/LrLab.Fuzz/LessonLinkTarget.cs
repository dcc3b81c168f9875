using CsCheck;
using LrLab.Web.Learn;

namespace LrLab.Fuzz;

/// <summary>/learn/&lt;slug&gt;: any slug finds a lesson or none (the page then says so), and a lesson's slug finds it again.</summary>
public static class LessonLinkTarget
{
    private static readonly Gen<string> _slug = Gen.Frequency(
        (3, Gen.OneOf<string>([.. Course.Lessons.Select(l => l.Slug)])),
        (2, Gen.Select(Gen.OneOf<string>([.. Course.Lessons.Select(l => l.Slug)]), Hostile.Value, (s, v) => s + v)),
        (3, Hostile.Value),
        (1, Gen.String));

    public static FuzzTarget Target { get; } = new("lesson-link", "/learn/<slug> paths", (iter, seed, time) => _slug.Sample(Slowest.Wrap<string>(Check), iter: iter, seed: seed, time: time));

    public static void Check(string slug)
    {
        var lesson = Course.Find(slug);
        if (lesson is null)
        {
            FuzzException.Unless(Course.Lessons.All(l => !string.Equals(l.Slug, slug, StringComparison.Ordinal)), $"'{slug}' names a lesson but finds none");
            return;
        }

        FuzzException.Unless(ReferenceEquals(Course.Find(lesson.Slug), lesson), $"the slug of '{slug}' finds another lesson");
        _ = Course.Previous(lesson);
        _ = Course.Next(lesson);
    }
}
