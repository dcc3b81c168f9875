namespace LrLab.Core.Expressions;

/// <summary>Lexical categories of the formula language.</summary>
internal enum TokenKind
{
    Number,
    Identifier,
    Plus,
    Minus,
    Star,
    Slash,
    Caret,
    LeftParen,
    RightParen,
    End,
}
