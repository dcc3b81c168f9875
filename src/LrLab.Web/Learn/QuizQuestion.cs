using System.Globalization;

namespace LrLab.Web.Learn;

/// <summary>
/// An auto-graded question: either multiple choice (<see cref="Choices"/> with <see cref="CorrectChoice"/>) or numeric
/// (<see cref="Answer"/> within <see cref="Tolerance"/>). Every wrong choice carries the misconception behind it, so the
/// first miss can teach before the second try.
/// </summary>
public sealed record QuizQuestion
{
    /// <summary>Tries before the answer is revealed.</summary>
    public const int Tries = 2;

    /// <summary>Stable id, unique in the course (progress is stored under it).</summary>
    public required string Id { get; init; }

    /// <summary>The question; may contain our own MathML markup.</summary>
    public required string Prompt { get; init; }

    /// <summary>Choices for a multiple-choice question; empty for a numeric one.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>Index of the right choice.</summary>
    public int CorrectChoice { get; init; }

    /// <summary>
    /// For each choice, the misconception that leads to it and why it fails (same order as <see cref="Choices"/>; the
    /// right choice's entry is ignored and may be empty). Shown after a wrong pick.
    /// </summary>
    public IReadOnlyList<string> ChoiceExplanations { get; init; } = [];

    /// <summary>The right number for a numeric question (a fraction 0…1 when <see cref="Form"/> is a fraction).</summary>
    public double? Answer { get; init; }

    /// <summary>Largest accepted absolute difference from <see cref="Answer"/>.</summary>
    public double Tolerance { get; init; }

    /// <summary>How a numeric answer is read and what the student is told to type.</summary>
    public NumericForm Form { get; init; } = NumericForm.Number;

    /// <summary>For a numeric question: a nudge shown after the first miss, without giving the answer away.</summary>
    public string? Hint { get; init; }

    /// <summary>Why the right answer is right; shown once the question is answered right or revealed.</summary>
    public required string Explanation { get; init; }

    /// <summary>True for a numeric question.</summary>
    public bool IsNumeric => Answer is not null;

    /// <summary>Grades a choice index.</summary>
    public bool IsCorrectChoice(int choice) => !IsNumeric && choice == CorrectChoice;

    /// <summary>Grades typed text: a number, percentage or ratio within the tolerance.</summary>
    public bool IsCorrectNumber(string? text) =>
        IsNumeric && TryRead(text, out var value) && Math.Abs(value - Answer!.Value) <= Tolerance + 1e-12;

    /// <summary>What a wrong answer teaches: the chosen choice's misconception, or the numeric hint.</summary>
    public string WrongFeedback(int? choice) =>
        !IsNumeric && choice is { } c && c >= 0 && c < ChoiceExplanations.Count && !string.IsNullOrWhiteSpace(ChoiceExplanations[c])
            ? ChoiceExplanations[c]
            : Hint ?? "Check each step of the calculation and try once more.";

    /// <summary>The right answer in words, for the feedback.</summary>
    public string CorrectText => IsNumeric
        ? Answer!.Value.ToString(Form == NumericForm.Fraction ? "0.###" : "G6", CultureInfo.InvariantCulture)
        : Choices[CorrectChoice];

    /// <summary>What to type, shown under a numeric question.</summary>
    public string ExpectedForm => Form switch
    {
        NumericForm.Fraction => "Give a fraction: 0.6, 60 % and 3/5 are all read the same.",
        _ => "Give a number: 0.05, 5e-2, 1/20 and 5 % are all read the same.",
    };

    /// <summary>Reads an answer the way <see cref="Form"/> says: a plain number above 1 is a percentage for a fraction question.</summary>
    public bool TryRead(string? text, out double value)
    {
        if (!TryReadNumber(text, out value))
        {
            return false;
        }

        if (Form == NumericForm.Fraction && !text!.Contains('%', StringComparison.Ordinal) && Math.Abs(value) > 1)
        {
            value /= 100;
        }

        return true;
    }

    /// <summary>
    /// Reads a number a student typed: dot or comma decimal, scientific notation, a Unicode minus, a trailing % (divides
    /// by 100) or a ratio a/b; false for anything else.
    /// </summary>
    public static bool TryReadNumber(string? text, out double value)
    {
        value = double.NaN;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var cleaned = text.Trim().Replace('−', '-').Replace(" ", string.Empty, StringComparison.Ordinal);
        var percent = cleaned.EndsWith('%');
        if (percent)
        {
            cleaned = cleaned[..^1];
        }

        var slash = cleaned.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (!TryPlain(cleaned[..slash], out var top) || !TryPlain(cleaned[(slash + 1)..], out var bottom) || bottom == 0)
            {
                return false;
            }

            value = top / bottom;
        }
        else if (!TryPlain(cleaned, out value))
        {
            return false;
        }

        if (percent)
        {
            value /= 100;
        }

        return double.IsFinite(value);
    }

    private static bool TryPlain(string text, out double value) =>
        double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
