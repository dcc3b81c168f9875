namespace LrLab.Core.Training;

/// <summary>
/// The operand sizes the three products of <see cref="IMatrixKernels"/> need, checked in one place for every
/// implementation (<see cref="Gemm"/> and the site's WebAssembly kernels): A, B and C must hold at least the
/// elements their shapes name, and a bias is empty or has one value per column of C.
/// </summary>
public static class MatrixOperands
{
    /// <summary>Checks the operands of C (m×n) = A (m×k) · B (k×n).</summary>
    public static void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k) =>
        Check(a, (long)m * k, b, (long)k * n, c, (long)m * n);

    /// <summary>Checks the operands of C (m×n) = Aᵀ · B, A stored k×m and B k×n.</summary>
    public static void MultiplyTransposeA(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k) =>
        Check(a, (long)k * m, b, (long)k * n, c, (long)m * n);

    /// <summary>Checks the operands of C (m×n) = A · Bᵀ + bias, A stored m×k and B n×k.</summary>
    public static void MultiplyTransposeB(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k, ReadOnlySpan<float> bias)
    {
        Check(a, (long)m * k, b, (long)n * k, c, (long)m * n);
        if (!bias.IsEmpty && bias.Length != n)
        {
            throw new ArgumentException($"bias has {bias.Length} values, expected {n}", nameof(bias));
        }
    }

    private static void Check(ReadOnlySpan<float> a, long aSize, ReadOnlySpan<float> b, long bSize, Span<float> c, long cSize)
    {
        if (a.Length < aSize || b.Length < bSize || c.Length < cSize)
        {
            throw new ArgumentException($"operands too short: A {a.Length}/{aSize}, B {b.Length}/{bSize}, C {c.Length}/{cSize}");
        }
    }
}
