using System.Globalization;

namespace LrLab.Core.Expressions;

/// <summary>Splits formula text into tokens; the caller has already bounded the length.</summary>
internal static class Tokenizer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            int column = i + 1;
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                i = ReadNumber(text, i, tokens);
            }
            else if (char.IsAsciiLetter(c))
            {
                int start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Identifier, text[start..i], column));
            }
            else if (c == '*' && i + 1 < text.Length && text[i + 1] == '*')
            {
                // Python's power operator, so formulas pasted from a notebook work.
                tokens.Add(new Token(TokenKind.Caret, "**", column));
                i += 2;
            }
            else
            {
                var kind = c switch
                {
                    '+' => TokenKind.Plus,
                    '-' or '\u2212' => TokenKind.Minus,
                    '*' or '\u00d7' or '\u00b7' => TokenKind.Star,
                    '/' => TokenKind.Slash,
                    '^' => TokenKind.Caret,
                    '(' => TokenKind.LeftParen,
                    ')' => TokenKind.RightParen,
                    _ => throw new InputException($"unexpected character '{c}' at column {column}", column),
                };
                tokens.Add(new Token(kind, c.ToString(), column));
                i++;
            }
        }

        tokens.Add(new Token(TokenKind.End, "", text.Length + 1));
        return tokens;
    }

    private static int ReadNumber(string text, int start, List<Token> tokens)
    {
        int i = start;
        SkipDigits(text, ref i);
        if (i < text.Length && text[i] == '.')
        {
            i++;
            SkipDigits(text, ref i);
        }

        // An exponent only when digits follow, so "2e" stays the number 2 followed by the constant e
        // (which the parser then rejects with a clear column instead of a baffling number error).
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            int j = i + 1;
            if (j < text.Length && (text[j] == '+' || text[j] == '-'))
            {
                j++;
            }

            if (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                i = j;
                SkipDigits(text, ref i);
            }
        }

        string literal = text[start..i];
        double value = double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(value))
        {
            throw new InputException($"number out of range '{literal}' at column {start + 1}", start + 1);
        }

        tokens.Add(new Token(TokenKind.Number, literal, start + 1, value));
        return i;
    }

    private static void SkipDigits(string text, ref int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }
    }
}
