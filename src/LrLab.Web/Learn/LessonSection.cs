namespace LrLab.Web.Learn;

/// <summary>
/// A titled block of a lesson. <paramref name="Html"/> is our own static markup (paragraphs, lists, tables and
/// MathML with an <c>aria-label</c> text alternative); it is never built from user input.
/// </summary>
/// <param name="Heading">Section heading.</param>
/// <param name="Html">Trusted lesson markup.</param>
/// <param name="Curves">Optional loss curves drawn under the text (e.g. the practice problems).</param>
public sealed record LessonSection(string Heading, string Html, IReadOnlyList<LossCurve>? Curves = null)
{
    /// <summary>A live panel shown under the text.</summary>
    public LessonPanel Panel { get; init; } = LessonPanel.None;

    /// <summary>A "predict, then run" experiment shown under the text (and the panel).</summary>
    public Prediction? Prediction { get; init; }
}
