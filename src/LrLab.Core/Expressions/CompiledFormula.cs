using System.Runtime.CompilerServices;

namespace LrLab.Core.Expressions;

/// <summary>
/// A formula in x (alias w) and y, parsed by our own bounded parser and compiled into a flat tape, so
/// that evaluating it, and its exact gradient by reverse-mode automatic differentiation, allocates
/// nothing. Thread-safe: scratch space lives on the caller's stack.
/// </summary>
/// <remarks>
/// Language: numbers (<c>12</c>, <c>1.5</c>, <c>.5</c>, <c>1e-3</c>), <c>x</c>, <c>w</c>, <c>y</c>,
/// <c>pi</c>, <c>e</c>, <c>+ - * / ^</c> (also <c>**</c>), unary signs, brackets, and the functions
/// sin cos tan exp log sqrt abs tanh sigmoid. <c>^</c> is right-associative and binds tighter than a
/// leading minus. Values outside a function's domain give NaN or infinity rather than an exception.
/// </remarks>
public sealed class CompiledFormula
{
    /// <summary>Longest accepted formula, in characters.</summary>
    public const int MaxLength = 500;

    /// <summary>Deepest accepted nesting of brackets, signs and exponents.</summary>
    public const int MaxDepth = 64;

    /// <summary>Most syntax-tree nodes accepted; it also bounds the tape, which lives on the stack.</summary>
    public const int MaxNodes = 2000;

    private readonly TapeInstruction[] _tape;

    private CompiledFormula(string text, TapeInstruction[] tape, int dimension)
    {
        Text = text;
        _tape = tape;
        Dimension = dimension;
    }

    /// <summary>The canonical spelling: minimal brackets, uniform spacing; parses back to the same formula.</summary>
    public string Text { get; }

    /// <summary>1 when only x (or w) appears, otherwise 2.</summary>
    public int Dimension { get; }

    /// <summary>Number of tape instructions after constant folding.</summary>
    public int Length => _tape.Length;

    /// <summary>Parses and compiles <paramref name="text"/>.</summary>
    /// <exception cref="InputException">The text is not a valid formula; the message names the column.</exception>
    public static CompiledFormula Parse(string text)
    {
        var root = FormulaParser.Parse(text);
        var tape = new List<TapeInstruction>();
        bool usesY = false;
        Emit(root, tape, ref usesY);
        return new CompiledFormula(FormulaPrinter.Print(root), [.. tape], usesY ? 2 : 1);
    }

    /// <summary>The formula's value at <paramref name="variables"/> (x, then y when two-dimensional).</summary>
    [SkipLocalsInit]
    public double Evaluate(ReadOnlySpan<double> variables)
    {
        Span<double> values = stackalloc double[_tape.Length];
        Forward(variables, values);
        return values[^1];
    }

    /// <summary>
    /// Writes the exact gradient into <paramref name="gradient"/> (length <see cref="Dimension"/>) and
    /// returns the value, by one forward sweep and one backward sweep over the tape.
    /// </summary>
    [SkipLocalsInit]
    public double EvaluateWithGradient(ReadOnlySpan<double> variables, Span<double> gradient)
    {
        var tape = _tape;
        Span<double> values = stackalloc double[tape.Length];
        Span<double> adjoints = stackalloc double[tape.Length];
        Forward(variables, values);
        adjoints.Clear();
        gradient[..Dimension].Clear();
        adjoints[^1] = 1;

        for (int i = tape.Length - 1; i >= 0; i--)
        {
            double bar = adjoints[i];

            // A zero adjoint contributes nothing; skipping it also keeps 0·∞ from turning into NaN.
            if (bar == 0)
            {
                continue;
            }

            var (op, l, r, _) = tape[i];
            double v = values[i];
            switch (op)
            {
                case OpCode.Constant:
                    break;
                case OpCode.Variable:
                    gradient[l] += bar;
                    break;
                case OpCode.Negate:
                    adjoints[l] -= bar;
                    break;
                case OpCode.Add:
                    adjoints[l] += bar;
                    adjoints[r] += bar;
                    break;
                case OpCode.Subtract:
                    adjoints[l] += bar;
                    adjoints[r] -= bar;
                    break;
                case OpCode.Multiply:
                    adjoints[l] += bar * values[r];
                    adjoints[r] += bar * values[l];
                    break;
                case OpCode.Divide:
                    adjoints[l] += bar / values[r];
                    adjoints[r] -= bar * v / values[r];
                    break;
                case OpCode.Power:
                    PowerAdjoint(tape[r].Op == OpCode.Constant, values[l], values[r], v, bar, ref adjoints[l], ref adjoints[r]);
                    break;
                case OpCode.Sin:
                    adjoints[l] += bar * Math.Cos(values[l]);
                    break;
                case OpCode.Cos:
                    adjoints[l] -= bar * Math.Sin(values[l]);
                    break;
                case OpCode.Tan:
                    adjoints[l] += bar * (1 + v * v);
                    break;
                case OpCode.Exp:
                    adjoints[l] += bar * v;
                    break;
                case OpCode.Log:
                    adjoints[l] += bar / values[l];
                    break;
                case OpCode.Sqrt:
                    adjoints[l] += bar * 0.5 / v;
                    break;
                case OpCode.Abs:
                    adjoints[l] += bar * SignOf(values[l]);
                    break;
                case OpCode.Tanh:
                    adjoints[l] += bar * (1 - v * v);
                    break;
                case OpCode.Sigmoid:
                    adjoints[l] += bar * v * (1 - v);
                    break;
            }
        }

        return values[^1];
    }

    private void Forward(ReadOnlySpan<double> variables, Span<double> values)
    {
        var tape = _tape;
        for (int i = 0; i < tape.Length; i++)
        {
            var (op, l, r, constant) = tape[i];
            values[i] = op switch
            {
                OpCode.Constant => constant,
                OpCode.Variable => variables[l],
                _ => Apply(op, values[l], r >= 0 ? values[r] : 0),
            };
        }
    }

    // The one place the arithmetic lives: the forward sweep and constant folding both call it,
    // so a folded constant is bit-for-bit what the tape would have computed.
    private static double Apply(OpCode op, double a, double b) => op switch
    {
        OpCode.Negate => -a,
        OpCode.Add => a + b,
        OpCode.Subtract => a - b,
        OpCode.Multiply => a * b,
        OpCode.Divide => a / b,

        // Squaring is the common case; a*a is exact-rounded and matches the hand-written surfaces.
        OpCode.Power => b == 2 ? a * a : Math.Pow(a, b),
        OpCode.Sin => Math.Sin(a),
        OpCode.Cos => Math.Cos(a),
        OpCode.Tan => Math.Tan(a),
        OpCode.Exp => Math.Exp(a),
        OpCode.Log => Math.Log(a),
        OpCode.Sqrt => Math.Sqrt(a),
        OpCode.Abs => Math.Abs(a),
        OpCode.Tanh => Math.Tanh(a),
        OpCode.Sigmoid => 1 / (1 + Math.Exp(-a)),
        _ => double.NaN,
    };

    private static void PowerAdjoint(bool constantExponent, double a, double b, double value, double bar, ref double baseBar, ref double exponentBar)
    {
        // d(a^b)/da = b·a^(b−1). With b = 0 the answer is 0 even at a = 0, where the formula gives 0·∞.
        if (b != 0)
        {
            baseBar += bar * (b == 2 ? 2 * a : b * Math.Pow(a, b - 1));
        }

        // d(a^b)/db = a^b·ln a. A literal exponent needs no adjoint, which spares (−2)^2 a NaN from ln(−2).
        if (!constantExponent && value != 0)
        {
            exponentBar += bar * value * Math.Log(a);
        }
    }

    // Math.Sign throws on NaN; here NaN must simply flow through.
    private static double SignOf(double a) => a > 0 ? 1 : a < 0 ? -1 : a == 0 ? 0 : double.NaN;

    // Post-order emission: children land just before their parent, which is what lets a parent
    // whose operands are all literals replace them with a single folded constant.
    private static int Emit(ExpressionNode node, List<TapeInstruction> tape, ref bool usesY)
    {
        switch (node)
        {
            case ConstantNode constant:
                tape.Add(new TapeInstruction(OpCode.Constant, -1, -1, constant.Value));
                break;
            case VariableNode variable:
                usesY |= variable.Index == 1;
                tape.Add(new TapeInstruction(OpCode.Variable, variable.Index, -1, 0));
                break;
            case UnaryNode unary:
                int operand = Emit(unary.Operand, tape, ref usesY);
                if (tape[operand].Op == OpCode.Constant)
                {
                    double folded = Apply(unary.Op, tape[operand].Constant, 0);
                    tape[operand] = new TapeInstruction(OpCode.Constant, -1, -1, folded);
                    return operand;
                }

                tape.Add(new TapeInstruction(unary.Op, operand, -1, 0));
                break;
            case BinaryNode binary:
                int left = Emit(binary.Left, tape, ref usesY);
                int right = Emit(binary.Right, tape, ref usesY);
                if (tape[left].Op == OpCode.Constant && tape[right].Op == OpCode.Constant)
                {
                    double folded = Apply(binary.Op, tape[left].Constant, tape[right].Constant);
                    tape.RemoveAt(right);
                    tape[left] = new TapeInstruction(OpCode.Constant, -1, -1, folded);
                    return left;
                }

                tape.Add(new TapeInstruction(binary.Op, left, right, 0));
                break;
        }

        return tape.Count - 1;
    }
}
