using System.Globalization;

namespace LrLab.Core.Schedules.Spec;

/// <summary>
/// Recursive-descent reader for spec strings. Input length and nesting depth are capped so that hostile
/// text can neither exhaust the stack nor take long: the work is linear in the (bounded) length.
/// </summary>
internal sealed class SpecParser
{
    public const int MaxLength = 2000;
    public const int MaxDepth = 16;

    private readonly string _text;
    private int _pos;
    private int _depth;

    private SpecParser(string text) => _text = text;

    public static CallNode Parse(string text)
    {
        if (text.Length > MaxLength)
        {
            throw SpecError.At(
                string.Create(CultureInfo.InvariantCulture, $"schedule spec is too long ({text.Length} characters; at most {MaxLength})"),
                MaxLength + 1);
        }

        var parser = new SpecParser(text);
        parser.SkipSpace();
        if (parser.AtEnd)
        {
            throw SpecError.At("empty schedule spec; expected a call such as StepLR(step_size=30)", 1);
        }

        var node = parser.ParseValue();
        if (node is not CallNode call)
        {
            throw SpecError.At("expected a scheduler call such as StepLR(step_size=30)", node.Column);
        }

        parser.SkipSpace();
        if (!parser.AtEnd)
        {
            throw SpecError.At($"unexpected text after the schedule: '{parser.Peek}'", parser.Column);
        }

        return call;
    }

    private bool AtEnd => _pos >= _text.Length;

    private char Peek => _text[_pos];

    private int Column => _pos + 1;

    private void SkipSpace()
    {
        while (!AtEnd && char.IsWhiteSpace(Peek))
        {
            _pos++;
        }
    }

    private SpecNode ParseValue()
    {
        SkipSpace();
        if (AtEnd)
        {
            throw SpecError.At("unexpected end of spec; expected a value", Column);
        }

        var c = Peek;
        if (c == '[')
        {
            return ParseList();
        }

        if (c is '\'' or '"')
        {
            return ParseString();
        }

        if (char.IsAsciiDigit(c) || c is '.' or '-' or '+')
        {
            return ParseNumber();
        }

        if (char.IsAsciiLetter(c) || c == '_')
        {
            return ParseNameOrCall();
        }

        throw SpecError.At($"unexpected character '{c}'", Column);
    }

    private void Enter(int column)
    {
        if (++_depth > MaxDepth)
        {
            throw SpecError.At(string.Create(CultureInfo.InvariantCulture, $"spec is nested more than {MaxDepth} levels deep"), column);
        }
    }

    private ListNode ParseList()
    {
        var open = Column;
        Enter(open);
        _pos++;
        var items = new List<SpecNode>();
        while (true)
        {
            SkipSpace();
            if (AtEnd)
            {
                throw SpecError.At("unclosed '['", open);
            }

            if (Peek == ']')
            {
                _pos++;
                _depth--;
                return new ListNode(open, items);
            }

            items.Add(ParseValue());
            SkipSpace();
            if (AtEnd)
            {
                throw SpecError.At("unclosed '['", open);
            }

            if (Peek == ',')
            {
                _pos++;
            }
            else if (Peek != ']')
            {
                throw SpecError.At($"expected ',' or ']' but found '{Peek}'", Column);
            }
        }
    }

    private StringNode ParseString()
    {
        var open = Column;
        var quote = Peek;
        var start = ++_pos;
        while (!AtEnd && Peek != quote)
        {
            if (Peek is '\\' or '\n' or '\r')
            {
                throw SpecError.At(Peek == '\\' ? "escape sequences are not supported in strings" : "unclosed string", Peek == '\\' ? Column : open);
            }

            _pos++;
        }

        if (AtEnd)
        {
            throw SpecError.At("unclosed string", open);
        }

        var value = _text[start.._pos];
        _pos++;
        return new StringNode(open, value);
    }

    private NumberNode ParseNumber()
    {
        var start = _pos;
        if (Peek is '-' or '+')
        {
            _pos++;
        }

        var digits = 0;
        var isInteger = true;
        digits += SkipDigits();
        if (!AtEnd && Peek == '.')
        {
            isInteger = false;
            _pos++;
            digits += SkipDigits();
        }

        if (digits == 0)
        {
            throw SpecError.At("expected a number", start + 1);
        }

        if (!AtEnd && Peek is 'e' or 'E')
        {
            isInteger = false;
            _pos++;
            if (!AtEnd && Peek is '-' or '+')
            {
                _pos++;
            }

            if (SkipDigits() == 0)
            {
                throw SpecError.At("malformed number: exponent has no digits", start + 1);
            }
        }

        if (!AtEnd && (char.IsAsciiLetterOrDigit(Peek) || Peek is '_' or '.'))
        {
            throw SpecError.At($"malformed number '{_text[start..(_pos + 1)]}'", start + 1);
        }

        var text = _text[start.._pos];
        var value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(value))
        {
            throw SpecError.At($"number out of range: {text}", start + 1);
        }

        return new NumberNode(start + 1, value, isInteger, text);
    }

    private int SkipDigits()
    {
        var n = 0;
        while (!AtEnd && char.IsAsciiDigit(Peek))
        {
            _pos++;
            n++;
        }

        return n;
    }

    private string ReadIdentifier()
    {
        var start = _pos;
        while (!AtEnd && (char.IsAsciiLetterOrDigit(Peek) || Peek == '_'))
        {
            _pos++;
        }

        return _text[start.._pos];
    }

    private SpecNode ParseNameOrCall()
    {
        var column = Column;
        var name = ReadIdentifier();
        while (!AtEnd && Peek == '.' && _pos + 1 < _text.Length && (char.IsAsciiLetter(_text[_pos + 1]) || _text[_pos + 1] == '_'))
        {
            _pos++;
            name += "." + ReadIdentifier();
        }

        switch (name)
        {
            case "True":
                return new BoolNode(column, true);
            case "False":
                return new BoolNode(column, false);
            case "None":
                return new NoneNode(column);
        }

        SkipSpace();
        if (AtEnd || Peek != '(')
        {
            throw SpecError.At($"unexpected name '{name}'; expected a number, string, list, True/False/None or a scheduler call", column);
        }

        return ParseCall(column, name);
    }

    private CallNode ParseCall(int column, string name)
    {
        var open = Column;
        Enter(open);
        _pos++;
        var args = new List<SpecArgNode>();
        var sawKeyword = false;
        while (true)
        {
            SkipSpace();
            if (AtEnd)
            {
                throw SpecError.At("unclosed '('", open);
            }

            if (Peek == ')')
            {
                _pos++;
                _depth--;
                return new CallNode(column, name, args);
            }

            var arg = ParseArgument();
            if (arg.Name is null && sawKeyword)
            {
                throw SpecError.At("positional argument follows keyword argument", arg.Column);
            }

            sawKeyword |= arg.Name is not null;
            args.Add(arg);
            SkipSpace();
            if (AtEnd)
            {
                throw SpecError.At("unclosed '('", open);
            }

            if (Peek == ',')
            {
                _pos++;
            }
            else if (Peek != ')')
            {
                throw SpecError.At($"expected ',' or ')' but found '{Peek}'", Column);
            }
        }
    }

    private SpecArgNode ParseArgument()
    {
        var column = Column;
        if (char.IsAsciiLetter(Peek) || Peek == '_')
        {
            var save = _pos;
            var name = ReadIdentifier();
            SkipSpace();
            if (!AtEnd && Peek == '=' && (_pos + 1 >= _text.Length || _text[_pos + 1] != '='))
            {
                _pos++;
                return new SpecArgNode(name, column, ParseValue());
            }

            _pos = save;
        }

        return new SpecArgNode(null, column, ParseValue());
    }
}
