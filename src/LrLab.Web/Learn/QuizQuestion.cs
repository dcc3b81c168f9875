using System.Globalization;

namespace LrLab.Web.Learn;

/// <summary>
/// An auto-graded question: either multiple choice (<see cref="Choices"/> with <see cref="CorrectChoice"/>) or numeric
/// (<see cref="Answer"/> within <see cref="Tolerance"/>).
/// </summary>
public sealed record QuizQuestion
{
    /// <summary>Stable id, unique in the course (progress is stored under it).</summary>
    public required string Id { get; init; }

    /// <summary>The question; may contain our own MathML markup.</summary>
    public required string Prompt { get; init; }

    /// <summary>Choices for a multiple-choice question; empty for a numeric one.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>Index of the right choice.</summary>
    public int CorrectChoice { get; init; }

    /// <summary>The right number for a numeric question.</summary>
    public double? Answer { get; init; }

    /// <summary>Largest accepted absolute difference from <see cref="Answer"/>.</summary>
    public double Tolerance { get; init; }

    /// <summary>One explanation per choice (same order as <see cref="Choices"/>): for a wrong choice, the misconception
    /// behind it; empty when the question has none.</summary>
    public IReadOnlyList<string> ChoiceExplanations { get; init; } = [];

    /// <summary>Why the right answer is right; shown after any answer.</summary>
    public required string Explanation { get; init; }

    /// <summary>True for a numeric question.</summary>
    public bool IsNumeric => Answer is not null;

    /// <summary>Grades a choice index.</summary>
    public bool IsCorrectChoice(int choice) => !IsNumeric && choice == CorrectChoice;

    /// <summary>Grades typed text: a number (dot or comma decimal, optional %, scientific notation) within the tolerance.</summary>
    public bool IsCorrectNumber(string? text) =>
        IsNumeric && TryReadNumber(text, out var value) && Math.Abs(value - Answer!.Value) <= Tolerance + 1e-12;

    /// <summary>The right answer in words, for the feedback.</summary>
    public string CorrectText => IsNumeric
        ? Answer!.Value.ToString("G6", CultureInfo.InvariantCulture)
        : Choices[CorrectChoice];

    /// <summary>Reads a number a student typed; false for anything else.</summary>
    public static bool TryReadNumber(string? text, out double value)
    {
        value = double.NaN;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var cleaned = text.Trim().TrimEnd('%').Trim().Replace(',', '.').Replace('−', '-');
        return double.TryParse(cleaned, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }
}
