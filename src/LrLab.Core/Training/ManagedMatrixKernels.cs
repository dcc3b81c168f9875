namespace LrLab.Core.Training;

/// <summary>
/// The products computed by <see cref="Gemm"/> (the widest SIMD the runtime accelerates, or the interpreter's
/// Vector128 tiles): the default <see cref="IMatrixKernels"/>. Stateless; a <see cref="Mlp"/> given these keeps
/// its own thread partition and fused updates.
/// </summary>
public sealed class ManagedMatrixKernels : IMatrixKernels
{
    private ManagedMatrixKernels()
    {
    }

    /// <summary>The one instance (it holds no state).</summary>
    public static ManagedMatrixKernels Instance { get; } = new();

    /// <inheritdoc/>
    public void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k) => Gemm.Multiply(a, b, c, m, n, k);

    /// <inheritdoc/>
    public void MultiplyTransposeA(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k) => Gemm.MultiplyTransposeA(a, b, c, m, n, k);

    /// <inheritdoc/>
    public void MultiplyTransposeB(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k, ReadOnlySpan<float> bias, bool relu) =>
        Gemm.MultiplyTransposeB(a, b, c, m, n, k, bias, relu);
}
