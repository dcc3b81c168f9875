namespace LrLab.Core.Expressions;

/// <summary>
/// Recursive-descent parser for the formula language. Grammar, loosest binding first:
/// <code>
/// sum     := product (('+' | '-') product)*
/// product := unary (('*' | '/') unary)*
/// unary   := ('+' | '-') unary | power
/// power   := primary ('^' unary)?
/// primary := number | variable | constant | function '(' sum ')' | '(' sum ')'
/// </code>
/// Because the exponent is a <c>unary</c> and unary minus wraps a <c>power</c>, <c>-x^2</c> is −(x²),
/// <c>2^-1</c> is ½ and <c>2^3^2</c> is 2⁹. Every way the grammar nests (brackets, signs, exponents)
/// counts toward <see cref="CompiledFormula.MaxDepth"/>, checked before recursing, so hostile input
/// is rejected long before the call stack is at risk.
/// </summary>
internal sealed class FormulaParser
{
    private readonly List<Token> _tokens;
    private int _next;
    private int _depth;
    private int _nodes;

    private FormulaParser(List<Token> tokens) => _tokens = tokens;

    /// <summary>Parses <paramref name="text"/>, throwing <see cref="InputException"/> with a column on any error.</summary>
    public static ExpressionNode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > CompiledFormula.MaxLength)
        {
            throw new InputException(
                $"formula too long ({text.Length} characters, limit {CompiledFormula.MaxLength})",
                CompiledFormula.MaxLength + 1);
        }

        var tokens = Tokenizer.Tokenize(text);
        if (tokens.Count == 1)
        {
            throw new InputException("empty formula", 1);
        }

        var parser = new FormulaParser(tokens);
        var root = parser.ParseSum();
        if (parser.Peek.Kind != TokenKind.End)
        {
            throw Unexpected(parser.Peek);
        }

        return root;
    }

    private Token Peek => _tokens[_next];

    private Token Advance() => _tokens[_next++];

    private ExpressionNode ParseSum()
    {
        var left = ParseProduct();
        while (Peek.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance().Kind == TokenKind.Plus ? OpCode.Add : OpCode.Subtract;
            left = Count(new BinaryNode(op, left, ParseProduct()));
        }

        return left;
    }

    private ExpressionNode ParseProduct()
    {
        var left = ParseUnary();
        while (Peek.Kind is TokenKind.Star or TokenKind.Slash)
        {
            var op = Advance().Kind == TokenKind.Star ? OpCode.Multiply : OpCode.Divide;
            left = Count(new BinaryNode(op, left, ParseUnary()));
        }

        return left;
    }

    private ExpressionNode ParseUnary()
    {
        if (Peek.Kind is not (TokenKind.Plus or TokenKind.Minus))
        {
            return ParsePower();
        }

        var sign = Advance();
        Enter(sign);
        var operand = ParseUnary();
        _depth--;
        return sign.Kind == TokenKind.Minus ? Count(new UnaryNode(OpCode.Negate, operand)) : operand;
    }

    private ExpressionNode ParsePower()
    {
        var @base = ParsePrimary();
        if (Peek.Kind != TokenKind.Caret)
        {
            return @base;
        }

        Enter(Advance());
        var exponent = ParseUnary();
        _depth--;
        return Count(new BinaryNode(OpCode.Power, @base, exponent));
    }

    private ExpressionNode ParsePrimary()
    {
        var token = Advance();
        switch (token.Kind)
        {
            case TokenKind.Number:
                return Count(new ConstantNode(token.Number));
            case TokenKind.LeftParen:
                return ParseBracketed(token);
            case TokenKind.Identifier:
                return ParseIdentifier(token);
            default:
                throw Unexpected(token);
        }
    }

    private ExpressionNode ParseIdentifier(Token name)
    {
        string key = name.Text.ToLowerInvariant();
        var function = FunctionOf(key);
        if (Peek.Kind == TokenKind.LeftParen)
        {
            if (function is null)
            {
                throw new InputException($"unknown function '{name.Text}' at column {name.Column}", name.Column);
            }

            return Count(new UnaryNode(function.Value, ParseBracketed(Advance())));
        }

        if (function is not null)
        {
            throw new InputException($"missing '(' after '{name.Text}' at column {Peek.Column}", Peek.Column);
        }

        return key switch
        {
            "x" or "w" => Count(new VariableNode(0)),
            "y" => Count(new VariableNode(1)),
            "pi" => Count(new ConstantNode(Math.PI, "pi")),
            "e" => Count(new ConstantNode(Math.E, "e")),
            _ => throw new InputException($"unknown variable '{name.Text}' at column {name.Column}", name.Column),
        };
    }

    private ExpressionNode ParseBracketed(Token open)
    {
        Enter(open);
        var inner = ParseSum();
        if (Peek.Kind == TokenKind.End)
        {
            throw new InputException($"missing ')' for '(' at column {open.Column}", open.Column);
        }

        if (Peek.Kind != TokenKind.RightParen)
        {
            throw Unexpected(Peek);
        }

        Advance();
        _depth--;
        return inner;
    }

    private void Enter(Token opener)
    {
        if (++_depth > CompiledFormula.MaxDepth)
        {
            throw new InputException($"nesting deeper than {CompiledFormula.MaxDepth} at column {opener.Column}", opener.Column);
        }
    }

    private ExpressionNode Count(ExpressionNode node)
    {
        if (++_nodes > CompiledFormula.MaxNodes)
        {
            throw new InputException($"formula too complex (more than {CompiledFormula.MaxNodes} operations)", Peek.Column);
        }

        return node;
    }

    private static OpCode? FunctionOf(string name) => name switch
    {
        "sin" => OpCode.Sin,
        "cos" => OpCode.Cos,
        "tan" => OpCode.Tan,
        "exp" => OpCode.Exp,
        "log" => OpCode.Log,
        "sqrt" => OpCode.Sqrt,
        "abs" => OpCode.Abs,
        "tanh" => OpCode.Tanh,
        "sigmoid" => OpCode.Sigmoid,
        _ => null,
    };

    private static InputException Unexpected(Token token)
        => new($"unexpected {token.Describe()} at column {token.Column}", token.Column);
}
