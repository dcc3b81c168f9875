using LrLab.Web.Learn.Lessons;

namespace LrLab.Web.Learn;

/// <summary>The lessons of the course in reading order, with lookup and previous/next.</summary>
public static class Course
{
    /// <summary>Every lesson, in order.</summary>
    public static IReadOnlyList<Lesson> Lessons { get; } =
    [
        WhatIsTheLearningRate.Lesson,
        TooSmall.Lesson,
        JustRight.Lesson,
        TooLarge.Lesson,
        Terrain.Lesson,
        FindingARate.Lesson,
        Optimizers.Lesson,
        Momentum.Lesson,
        AdamAndAxes.Lesson,
        GradientFlowLesson.Lesson,
        BatchSize.Lesson,
        LrLab.Web.Learn.Lessons.Schedules.Lesson,
        LineSearch.Lesson,
        DiagnosticMindset.Lesson,
        SanityChecksLesson.Lesson,
    ];

    /// <summary>Every quiz question of the course.</summary>
    public static IEnumerable<QuizQuestion> AllQuestions => Lessons.SelectMany(l => l.Quiz);

    /// <summary>The lesson with this slug, or null.</summary>
    public static Lesson? Find(string? slug) =>
        Lessons.FirstOrDefault(l => string.Equals(l.Slug, slug, StringComparison.OrdinalIgnoreCase));

    /// <summary>Position of the lesson in the course (0-based), or −1.</summary>
    public static int IndexOf(Lesson lesson) => Lessons.ToList().IndexOf(lesson);

    /// <summary>The lesson before, or null for the first.</summary>
    public static Lesson? Previous(Lesson lesson) => IndexOf(lesson) is var i and > 0 ? Lessons[i - 1] : null;

    /// <summary>The lesson after, or null for the last.</summary>
    public static Lesson? Next(Lesson lesson) => IndexOf(lesson) is var i and >= 0 && i + 1 < Lessons.Count ? Lessons[i + 1] : null;
}
