using System.Globalization;
using System.Text;

namespace LrLab.Core.Expressions;

/// <summary>
/// Writes a syntax tree back as canonical text: spaces around + and −, none around * / ^, and only
/// the brackets the grammar needs. Parsing the output gives the same tree again.
/// </summary>
internal static class FormulaPrinter
{
    private const int SumLevel = 1, ProductLevel = 2, UnaryLevel = 3, PowerLevel = 4, AtomLevel = 5;

    public static string Print(ExpressionNode node)
    {
        var text = new StringBuilder();
        Write(node, text);
        return text.ToString();
    }

    private static void Write(ExpressionNode node, StringBuilder text)
    {
        switch (node)
        {
            case ConstantNode constant:
                text.Append(constant.Name ?? constant.Value.ToString("R", CultureInfo.InvariantCulture));
                break;
            case VariableNode variable:
                text.Append(variable.Index == 0 ? 'x' : 'y');
                break;
            case UnaryNode { Op: OpCode.Negate } negation:
                text.Append('-');
                WriteOperand(negation.Operand, UnaryLevel, text);
                break;
            case UnaryNode call:
                text.Append(call.Op.ToString().ToLowerInvariant()).Append('(');
                Write(call.Operand, text);
                text.Append(')');
                break;
            case BinaryNode { Op: OpCode.Power } power:
                // Right-associative: a power on the left needs brackets, one on the right does not.
                WriteOperand(power.Left, PowerLevel + 1, text);
                text.Append('^');
                WriteOperand(power.Right, UnaryLevel, text);
                break;
            case BinaryNode binary:
                int level = Level(binary);
                WriteOperand(binary.Left, level, text);
                text.Append(binary.Op switch
                {
                    OpCode.Add => " + ",
                    OpCode.Subtract => " - ",
                    OpCode.Multiply => "*",
                    _ => "/",
                });

                // Left-associative: an equal-level operand on the right keeps its brackets.
                WriteOperand(binary.Right, level + 1, text);
                break;
        }
    }

    private static void WriteOperand(ExpressionNode node, int minimumLevel, StringBuilder text)
    {
        bool bracket = Level(node) < minimumLevel;
        if (bracket)
        {
            text.Append('(');
        }

        Write(node, text);
        if (bracket)
        {
            text.Append(')');
        }
    }

    private static int Level(ExpressionNode node) => node switch
    {
        BinaryNode { Op: OpCode.Add or OpCode.Subtract } => SumLevel,
        BinaryNode { Op: OpCode.Multiply or OpCode.Divide } => ProductLevel,
        BinaryNode => PowerLevel,
        UnaryNode { Op: OpCode.Negate } => UnaryLevel,
        _ => AtomLevel,
    };
}
