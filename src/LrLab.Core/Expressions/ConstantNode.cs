namespace LrLab.Core.Expressions;

/// <summary>A number literal, or a named constant (<c>pi</c>, <c>e</c>) that prints by name.</summary>
internal sealed record ConstantNode(double Value, string? Name = null) : ExpressionNode;
