namespace LrLab.Web.Learn;

/// <summary>
/// One lesson of the course at <c>/learn/{slug}</c>: prose sections, the facts to remember, a live widget bound to a
/// preset, guided experiments that watch the widget, and a quiz. Pure data, so tests can check the whole course.
/// </summary>
/// <param name="Slug">URL segment, lower case with hyphens.</param>
/// <param name="Title">Heading and link text.</param>
/// <param name="Summary">One sentence for the index.</param>
/// <param name="Sections">The reading, in order.</param>
/// <param name="Facts">Short take-aways shown in a "remember" box.</param>
/// <param name="Widget">The small lab embedded in the lesson.</param>
/// <param name="Experiments">Things to try in the widget; the page notices when they are done.</param>
/// <param name="Quiz">Auto-graded questions.</param>
public sealed record Lesson(
    string Slug,
    string Title,
    string Summary,
    IReadOnlyList<LessonSection> Sections,
    IReadOnlyList<string> Facts,
    WidgetPreset Widget,
    IReadOnlyList<Experiment> Experiments,
    IReadOnlyList<QuizQuestion> Quiz);
