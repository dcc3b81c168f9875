using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LrLab.Core.Training;

/// <summary>
/// Single-precision matrix products for the MLP, all row-major and written into C (never accumulated):
/// <see cref="Multiply"/> (A·B), <see cref="MultiplyTransposeA"/> (Aᵀ·B, the weight gradient) and
/// <see cref="MultiplyTransposeB"/> (A·Bᵀ, the forward pass of a PyTorch-layout Linear, with a fused
/// bias and ReLU). The widest SIMD the machine accelerates is used (Vector512, Vector256, Vector128),
/// the leftover columns by narrower vectors and then scalars, so every shape is handled; in the browser
/// (Mono interpreter, 128-bit SIMD) the same code runs on Vector128.
/// </summary>
public static class Gemm
{
    /// <summary>The widest SIMD width (bits) this machine accelerates, 0 if none.</summary>
    public static int BestWidth =>
        Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : Vector128.IsHardwareAccelerated ? 128 : 0;

    /// <summary>
    /// Width code of the hand-written Vector128 kernels used when IL is interpreted (the browser):
    /// see <see cref="InterpreterKernels"/>.
    /// </summary>
    internal const int Interpreted = -128;

    /// <summary>The kernels this runtime should use: <see cref="Interpreted"/> when IL is not JIT-compiled, else <see cref="BestWidth"/>.</summary>
    internal static int KernelWidth =>
        !RuntimeFeature.IsDynamicCodeCompiled && Vector128.IsHardwareAccelerated ? Interpreted : BestWidth;

    /// <summary>C (m×n) = A (m×k) · B (k×n).</summary>
    public static void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k)
    {
        MatrixOperands.Multiply(a, b, c, m, n, k);
        Axpy(ref MemoryMarshal.GetReference(a), k, 1, ref MemoryMarshal.GetReference(b), ref MemoryMarshal.GetReference(c), 0, m, n, k, KernelWidth);
    }

    /// <summary>C (m×n) = Aᵀ · B where A is stored k×m and B k×n.</summary>
    public static void MultiplyTransposeA(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k)
    {
        MatrixOperands.MultiplyTransposeA(a, b, c, m, n, k);
        Axpy(ref MemoryMarshal.GetReference(a), 1, m, ref MemoryMarshal.GetReference(b), ref MemoryMarshal.GetReference(c), 0, m, n, k, KernelWidth);
    }

    /// <summary>
    /// <see cref="MultiplyTransposeA"/> followed by plain SGD on <paramref name="parameters"/> (same shape as C),
    /// θ ← fma(C, −lr, θ), done in the product's tiles while C is in registers. Only where the AVX-512 tiles cover
    /// all of C (m a multiple of 8, n of 16): returns false without touching anything otherwise.
    /// </summary>
    internal static bool MultiplyTransposeAThenSgd(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k, Span<float> parameters, float negLr)
    {
        if (KernelWidth < 512 || m % 8 != 0 || n % 16 != 0 || k == 0 || parameters.Length < m * n)
        {
            return false;
        }

        MatrixOperands.MultiplyTransposeA(a, b, c, m, n, k);
        TransposedTiles512.Multiply(ref MemoryMarshal.GetReference(a), m, ref MemoryMarshal.GetReference(b), ref MemoryMarshal.GetReference(c), 0, m, n, k, ref MemoryMarshal.GetReference(parameters), negLr, update: true);
        return true;
    }

    /// <summary>
    /// C (m×n) = A · Bᵀ (+ bias per column) (then ReLU) where A is stored m×k and B n×k: a Linear layer
    /// with PyTorch's weight layout (out × in). <paramref name="bias"/> is empty or has n values.
    /// </summary>
    public static void MultiplyTransposeB(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k, ReadOnlySpan<float> bias = default, bool relu = false)
    {
        MatrixOperands.MultiplyTransposeB(a, b, c, m, n, k, bias);

        Dot(ref MemoryMarshal.GetReference(a), ref MemoryMarshal.GetReference(b), ref MemoryMarshal.GetReference(c), 0, m, n, k, ref MemoryMarshal.GetReference(bias), !bias.IsEmpty, relu, KernelWidth);
    }

    /// <summary>
    /// Rows [rowStart, rowEnd) of C = op(A)·B where op(A)(i, p) = a[i·aRow + p·aCol]; whole vectors of
    /// the widest allowed width first, then narrower ones, then scalars.
    /// </summary>
    internal static void Axpy(ref float a, nint aRow, nint aCol, ref float b, ref float c, int rowStart, int rowEnd, int n, int k, int width)
    {
        if (rowStart >= rowEnd || n == 0)
        {
            return;
        }

        if (k == 0)
        {
            for (var i = rowStart; i < rowEnd; i++)
            {
                MemoryMarshal.CreateSpan(ref Unsafe.Add(ref c, i * n), n).Clear();
            }

            return;
        }

        if (width >= 512 && aRow == 1)
        {
            // Aᵀ·B (the weight gradients) on AVX-512: 8-row blocks in the large tile, the last rows in narrower
            // tiles, and whatever columns those leave through the cascade below.
            var blocked = rowStart + ((rowEnd - rowStart) / 8 * 8);
            var done = TransposedTiles512.Multiply(ref a, aCol, ref b, ref c, rowStart, blocked, n, k);
            Columns(ref a, aRow, aCol, ref b, ref c, rowStart, blocked, n, k, width, done);
            done = TransposedTiles512.MultiplyNarrow(ref a, aCol, ref b, ref c, blocked, rowEnd, n, k);
            Columns(ref a, aRow, aCol, ref b, ref c, blocked, rowEnd, n, k, width, done);
            return;
        }

        Columns(ref a, aRow, aCol, ref b, ref c, rowStart, rowEnd, n, k, width, 0);
    }

    /// <summary>Columns [j, n) of rows [rowStart, rowEnd) of C = op(A)·B: the widest vectors first, then narrower ones, then scalars.</summary>
    private static void Columns(ref float a, nint aRow, nint aCol, ref float b, ref float c, int rowStart, int rowEnd, int n, int k, int width, int j)
    {
        if (rowStart >= rowEnd || j >= n)
        {
            return;
        }

        if (width == Interpreted && j == 0)
        {
            j = InterpreterKernels.Axpy(ref a, aRow, aCol, ref b, ref c, rowStart, rowEnd, n, k);
        }

        if (width >= 512)
        {
            j = GemmKernels<Vector512<float>, Lanes512>.Axpy(ref a, aRow, aCol, ref b, n, ref c, n, rowStart, rowEnd, k, j, n);
        }

        if (width >= 256)
        {
            j = GemmKernels<Vector256<float>, Lanes256>.Axpy(ref a, aRow, aCol, ref b, n, ref c, n, rowStart, rowEnd, k, j, n);
        }

        if (width >= 128)
        {
            j = GemmKernels<Vector128<float>, Lanes128>.Axpy(ref a, aRow, aCol, ref b, n, ref c, n, rowStart, rowEnd, k, j, n);
        }

        for (var i = rowStart; i < rowEnd; i++)
        {
            ref var ai = ref Unsafe.Add(ref a, i * aRow);
            for (var jj = j; jj < n; jj++)
            {
                var sum = 0f;
                for (nint p = 0; p < k; p++)
                {
                    sum += Unsafe.Add(ref ai, p * aCol) * Unsafe.Add(ref b, (p * n) + jj);
                }

                Unsafe.Add(ref c, (i * n) + jj) = sum;
            }
        }
    }

    /// <summary>Rows [rowStart, rowEnd) of C = act(A·Bᵀ + bias).</summary>
    internal static void Dot(ref float a, ref float b, ref float c, int rowStart, int rowEnd, int n, int k, ref float bias, bool hasBias, bool relu, int width)
    {
        switch (width)
        {
            case Interpreted:
                InterpreterKernels.Dot(ref a, ref b, ref c, rowStart, rowEnd, n, k, ref bias, hasBias, relu);
                break;
            case >= 512:
                GemmKernels<Vector512<float>, Lanes512>.Dot(ref a, k, ref b, k, ref c, n, rowStart, rowEnd, k, n, ref bias, hasBias, relu);
                break;
            case >= 256:
                GemmKernels<Vector256<float>, Lanes256>.Dot(ref a, k, ref b, k, ref c, n, rowStart, rowEnd, k, n, ref bias, hasBias, relu);
                break;
            case >= 128:
                GemmKernels<Vector128<float>, Lanes128>.Dot(ref a, k, ref b, k, ref c, n, rowStart, rowEnd, k, n, ref bias, hasBias, relu);
                break;
            default:
                for (var i = rowStart; i < rowEnd; i++)
                {
                    for (var j = 0; j < n; j++)
                    {
                        var sum = 0f;
                        for (nint p = 0; p < k; p++)
                        {
                            sum += Unsafe.Add(ref a, (i * k) + p) * Unsafe.Add(ref b, (j * k) + p);
                        }

                        if (hasBias)
                        {
                            sum += Unsafe.Add(ref bias, j);
                        }

                        Unsafe.Add(ref c, (i * n) + j) = relu && !(sum > 0) ? 0f : sum;
                    }
                }

                break;
        }
    }
}
