namespace LrLab.Core.Expressions;

/// <summary>The operations a formula is built from, shared by the syntax tree and the compiled tape.</summary>
internal enum OpCode
{
    Constant,
    Variable,
    Negate,
    Add,
    Subtract,
    Multiply,
    Divide,
    Power,
    Sin,
    Cos,
    Tan,
    Exp,
    Log,
    Sqrt,
    Abs,
    Tanh,
    Sigmoid,
}
