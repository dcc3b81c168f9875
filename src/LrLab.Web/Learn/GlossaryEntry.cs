namespace LrLab.Web.Learn;

/// <summary>A glossary term and its short definition.</summary>
/// <param name="Term">The term as written in running text (lower case unless a name or acronym).</param>
/// <param name="Definition">One or two sentences.</param>
public sealed record GlossaryEntry(string Term, string Definition);
