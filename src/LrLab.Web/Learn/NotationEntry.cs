namespace LrLab.Web.Learn;

/// <summary>One symbol of the course's notation.</summary>
/// <param name="Symbol">The symbol as it appears in formulas, e.g. "α".</param>
/// <param name="Meaning">What it always means in this course.</param>
/// <param name="Example">A value or formula from the lessons.</param>
public sealed record NotationEntry(string Symbol, string Meaning, string Example);
