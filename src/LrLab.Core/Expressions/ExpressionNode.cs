namespace LrLab.Core.Expressions;

/// <summary>A node of the parsed formula's syntax tree.</summary>
internal abstract record ExpressionNode;
