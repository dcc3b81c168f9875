namespace LrLab.Core.Training;

/// <summary>
/// The three single-precision matrix products a training step is made of, row-major, written into C (never
/// accumulated), with the shapes and meaning of <see cref="Gemm"/>'s methods of the same names. <see cref="Mlp"/>
/// (and so <see cref="Trainer"/>, <see cref="MlpHessian"/>, <see cref="MlpTraining"/> and the range test) takes an
/// implementation through its options; <see cref="ManagedMatrixKernels"/> is the default. Another implementation
/// (the site's WebAssembly kernels) must give the same bits as the managed kernels on the runtime it replaces them
/// on: the same operations in the same order.
/// </summary>
public interface IMatrixKernels
{
    /// <summary>C (m×n) = A (m×k) · B (k×n).</summary>
    void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k);

    /// <summary>C (m×n) = Aᵀ · B where A is stored k×m and B k×n.</summary>
    void MultiplyTransposeA(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k);

    /// <summary>C (m×n) = A · Bᵀ (+ bias per column) (then ReLU) where A is stored m×k and B n×k; <paramref name="bias"/> is empty or has n values.</summary>
    void MultiplyTransposeB(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k, ReadOnlySpan<float> bias, bool relu);
}
