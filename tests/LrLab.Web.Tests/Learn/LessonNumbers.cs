using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using LrLab.Web.Components.Learn;
using LrLab.Web.Learn;

namespace LrLab.Web.Tests.Learn;

/// <summary>Finds every number a lesson states: in its prose, facts, experiments, predictions and quiz.</summary>
internal static partial class LessonNumbers
{
    /// <summary>The lesson's text as a reader sees it (tags removed, MathML numbers kept, entities decoded).</summary>
    public static string TextOf(Lesson lesson) => WebUtility.HtmlDecode(Tag().Replace(string.Join(
        '\n',
        lesson.Sections.Select(s => s.Html)
            .Concat(SectionPredictions(lesson).SelectMany(p => p.Choices.Append(p.Prompt)))
            .Append(lesson.Summary)
            .Concat(lesson.Facts)
            .Concat(lesson.Quiz.SelectMany(q => q.Choices.Concat(q.ChoiceExplanations).Append(q.Prompt).Append(q.Explanation).Append(q.Hint ?? string.Empty)))
            .Concat(lesson.Experiments.SelectMany(e => new[] { e.Instruction, e.Lesson, e.Predict?.Question ?? string.Empty }.Concat(e.Predict?.Choices ?? [])))), " "));

    /// <summary>The "predict, then run" questions a lesson's sections show: their own, or the one their live panel asks.</summary>
    public static IEnumerable<Prediction> SectionPredictions(Lesson lesson) => lesson.Sections
        .Select(s => s.Prediction ?? (s.Panel == LessonPanel.SanityChecks ? SanityPanel.InitialPrediction : null))
        .OfType<Prediction>();

    /// <summary>Every distinct number in the text, as written (e.g. "0.05", "1e-7", "65,504").</summary>
    public static IReadOnlyList<string> Find(Lesson lesson) =>
        [.. Number().Matches(TextOf(lesson)).Select(m => m.Value).Distinct(StringComparer.Ordinal)];

    /// <summary>Every distinct number in a piece of markup.</summary>
    public static IReadOnlyList<string> FindIn(string html) =>
        [.. Number().Matches(WebUtility.HtmlDecode(Tag().Replace(html, " "))).Select(m => m.Value).Distinct(StringComparer.Ordinal)];

    /// <summary>The value of a number as written.</summary>
    public static double Value(string written) =>
        double.Parse(written.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    // A number: digits with optional thousands commas ("65,504"), a decimal part and an exponent ("1e-7").
    [GeneratedRegex(@"(?<![\d.])\d{1,3}(?:,\d{3})+(?![\d])|(?<![\d.])\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")]
    private static partial Regex Number();
}
