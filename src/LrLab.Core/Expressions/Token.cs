namespace LrLab.Core.Expressions;

/// <summary>One lexeme with the 1-based column where it starts, so errors can point at it.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Column, double Number = 0)
{
    /// <summary>How the token reads in an error message.</summary>
    public string Describe() => Kind == TokenKind.End ? "end of formula" : $"'{Text}'";
}
