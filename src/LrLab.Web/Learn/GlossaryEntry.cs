namespace LrLab.Web.Learn;

/// <summary>A glossary term and its short definition.</summary>
/// <param name="Term">The term, lower case.</param>
/// <param name="Definition">One or two sentences.</param>
public sealed record GlossaryEntry(string Term, string Definition);
