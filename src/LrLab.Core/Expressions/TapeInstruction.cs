namespace LrLab.Core.Expressions;

/// <summary>
/// One step of a compiled formula. Instruction i writes slot i; <see cref="Left"/> and
/// <see cref="Right"/> name earlier slots (or, for a variable, its parameter index).
/// </summary>
internal readonly record struct TapeInstruction(OpCode Op, int Left, int Right, double Constant);
