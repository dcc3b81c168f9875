namespace LrLab.Core.Expressions;

/// <summary>A parameter: index 0 is x (alias w), index 1 is y.</summary>
internal sealed record VariableNode(int Index) : ExpressionNode;
