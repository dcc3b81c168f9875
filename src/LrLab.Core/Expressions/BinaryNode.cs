namespace LrLab.Core.Expressions;

/// <summary>An arithmetic operator with two operands.</summary>
internal sealed record BinaryNode(OpCode Op, ExpressionNode Left, ExpressionNode Right) : ExpressionNode;
