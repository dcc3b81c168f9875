namespace LrLab.Core.Expressions;

/// <summary>Negation or a one-argument function such as <c>sin</c>.</summary>
internal sealed record UnaryNode(OpCode Op, ExpressionNode Operand) : ExpressionNode;
