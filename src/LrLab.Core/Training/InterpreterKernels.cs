using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LrLab.Core.Training;

/// <summary>
/// The GEMM kernels for runtimes that interpret IL (Blazor WebAssembly without AOT). The Mono interpreter
/// turns plain <see cref="Vector128{T}"/> operators into WebAssembly SIMD instructions, but calls through
/// the generic <see cref="IVectorOps{TVector}"/> abstraction stay calls (measured in chromium: a 1M-float
/// dot took 30 ms through it, 3.7 ms written out, 12.7 ms scalar). So this file writes the same tiles
/// out by hand on Vector128, without fused multiply-adds (WebAssembly has none).
/// </summary>
internal static class InterpreterKernels
{
    /// <summary>Rows [rowStart, rowEnd) of C = act(A·Bᵀ + bias), A m×k and B n×k row-major.</summary>
    public static void Dot(ref float a, ref float b, ref float c, int rowStart, int rowEnd, int n, int k, ref float bias, bool hasBias, bool relu)
    {
        var i = rowStart;
        for (; i + 4 <= rowEnd; i += 4)
        {
            var j = 0;
            for (; j + 4 <= n; j += 4)
            {
                DotTile4x4(ref Unsafe.Add(ref a, i * k), ref Unsafe.Add(ref b, j * k), ref Unsafe.Add(ref c, (i * n) + j), n, k, ref Unsafe.Add(ref bias, j), hasBias, relu);
            }

            for (; j < n; j++)
            {
                for (var r = 0; r < 4; r++)
                {
                    Unsafe.Add(ref c, ((i + r) * n) + j) = Finish(DotProduct(ref Unsafe.Add(ref a, (i + r) * k), ref Unsafe.Add(ref b, j * k), k), ref bias, j, hasBias, relu);
                }
            }
        }

        for (; i < rowEnd; i++)
        {
            for (var j = 0; j < n; j++)
            {
                Unsafe.Add(ref c, (i * n) + j) = Finish(DotProduct(ref Unsafe.Add(ref a, i * k), ref Unsafe.Add(ref b, j * k), k), ref bias, j, hasBias, relu);
            }
        }
    }

    /// <summary>Rows [rowStart, rowEnd) of C = op(A)·B with op(A)(i, p) = a[i·aRow + p·aCol], B k×n row-major; whole vectors of columns from 0, returns the first column left.</summary>
    public static int Axpy(ref float a, nint aRow, nint aCol, ref float b, ref float c, int rowStart, int rowEnd, int n, int k)
    {
        var j = 0;
        for (; j + 16 <= n; j += 16)
        {
            var i = rowStart;
            for (; i + 4 <= rowEnd; i += 4)
            {
                AxpyTile4x16(ref Unsafe.Add(ref a, i * aRow), aRow, aCol, ref Unsafe.Add(ref b, j), ref Unsafe.Add(ref c, (i * n) + j), n, k);
            }

            if (i < rowEnd)
            {
                break; // the 8-wide loop below does these columns for every row
            }
        }

        for (; j + 8 <= n; j += 8)
        {
            var i = rowStart;
            for (; i + 4 <= rowEnd; i += 4)
            {
                AxpyTile4x8(ref Unsafe.Add(ref a, i * aRow), aRow, aCol, ref Unsafe.Add(ref b, j), ref Unsafe.Add(ref c, (i * n) + j), n, k);
            }

            for (; i < rowEnd; i++)
            {
                ref var ai = ref Unsafe.Add(ref a, i * aRow);
                ref var bj = ref Unsafe.Add(ref b, j);
                Vector128<float> c0 = Vector128<float>.Zero, c1 = Vector128<float>.Zero;
                for (nint p = 0; p < k; p++)
                {
                    var x = Vector128.Create(Unsafe.Add(ref ai, p * aCol));
                    c0 += x * Vector128.LoadUnsafe(ref bj, (nuint)(p * n));
                    c1 += x * Vector128.LoadUnsafe(ref bj, (nuint)((p * n) + 4));
                }

                c0.StoreUnsafe(ref c, (nuint)((i * n) + j));
                c1.StoreUnsafe(ref c, (nuint)((i * n) + j + 4));
            }
        }

        return j;
    }

    /// <summary>
    /// A 4 × 16 tile of C: four rows, four vectors. Each A value loaded and splatted feeds four multiply-adds
    /// (two in the 4 × 8 tile), and the addresses advance by one add per step instead of being recomputed:
    /// the interpreter pays per instruction, not per register.
    /// </summary>
    private static void AxpyTile4x16(ref float a, nint aRow, nint aCol, ref float b, ref float c, nint n, int k)
    {
        Vector128<float> c00 = default, c01 = default, c02 = default, c03 = default;
        Vector128<float> c10 = default, c11 = default, c12 = default, c13 = default;
        Vector128<float> c20 = default, c21 = default, c22 = default, c23 = default;
        Vector128<float> c30 = default, c31 = default, c32 = default, c33 = default;
        var aRow2 = 2 * aRow;
        var aRow3 = 3 * aRow;
        ref var ap = ref a;
        ref var bp = ref b;
        for (var p = 0; p < k; p++)
        {
            var b0 = Vector128.LoadUnsafe(ref bp);
            var b1 = Vector128.LoadUnsafe(ref bp, 4);
            var b2 = Vector128.LoadUnsafe(ref bp, 8);
            var b3 = Vector128.LoadUnsafe(ref bp, 12);
            var x = Vector128.Create(ap);
            c00 += x * b0;
            c01 += x * b1;
            c02 += x * b2;
            c03 += x * b3;
            x = Vector128.Create(Unsafe.Add(ref ap, aRow));
            c10 += x * b0;
            c11 += x * b1;
            c12 += x * b2;
            c13 += x * b3;
            x = Vector128.Create(Unsafe.Add(ref ap, aRow2));
            c20 += x * b0;
            c21 += x * b1;
            c22 += x * b2;
            c23 += x * b3;
            x = Vector128.Create(Unsafe.Add(ref ap, aRow3));
            c30 += x * b0;
            c31 += x * b1;
            c32 += x * b2;
            c33 += x * b3;
            ap = ref Unsafe.Add(ref ap, aCol);
            bp = ref Unsafe.Add(ref bp, n);
        }

        // Stored in place, not through a helper: a call per row of the tile costs the interpreter more than the stores.
        var n1 = (nuint)n;
        var n2 = 2 * n1;
        var n3 = 3 * n1;
        c00.StoreUnsafe(ref c, 0);
        c01.StoreUnsafe(ref c, 4);
        c02.StoreUnsafe(ref c, 8);
        c03.StoreUnsafe(ref c, 12);
        c10.StoreUnsafe(ref c, n1);
        c11.StoreUnsafe(ref c, n1 + 4);
        c12.StoreUnsafe(ref c, n1 + 8);
        c13.StoreUnsafe(ref c, n1 + 12);
        c20.StoreUnsafe(ref c, n2);
        c21.StoreUnsafe(ref c, n2 + 4);
        c22.StoreUnsafe(ref c, n2 + 8);
        c23.StoreUnsafe(ref c, n2 + 12);
        c30.StoreUnsafe(ref c, n3);
        c31.StoreUnsafe(ref c, n3 + 4);
        c32.StoreUnsafe(ref c, n3 + 8);
        c33.StoreUnsafe(ref c, n3 + 12);
    }

    private static void AxpyTile4x8(ref float a, nint aRow, nint aCol, ref float b, ref float c, nint n, int k)
    {
        Vector128<float> c00 = Vector128<float>.Zero, c01 = Vector128<float>.Zero, c10 = Vector128<float>.Zero, c11 = Vector128<float>.Zero;
        Vector128<float> c20 = Vector128<float>.Zero, c21 = Vector128<float>.Zero, c30 = Vector128<float>.Zero, c31 = Vector128<float>.Zero;
        for (nint p = 0; p < k; p++)
        {
            var b0 = Vector128.LoadUnsafe(ref b, (nuint)(p * n));
            var b1 = Vector128.LoadUnsafe(ref b, (nuint)((p * n) + 4));
            ref var ap = ref Unsafe.Add(ref a, p * aCol);
            var x = Vector128.Create(ap);
            c00 += x * b0;
            c01 += x * b1;
            x = Vector128.Create(Unsafe.Add(ref ap, aRow));
            c10 += x * b0;
            c11 += x * b1;
            x = Vector128.Create(Unsafe.Add(ref ap, 2 * aRow));
            c20 += x * b0;
            c21 += x * b1;
            x = Vector128.Create(Unsafe.Add(ref ap, 3 * aRow));
            c30 += x * b0;
            c31 += x * b1;
        }

        c00.StoreUnsafe(ref c, 0);
        c01.StoreUnsafe(ref c, 4);
        c10.StoreUnsafe(ref c, (nuint)n);
        c11.StoreUnsafe(ref c, (nuint)(n + 4));
        c20.StoreUnsafe(ref c, (nuint)(2 * n));
        c21.StoreUnsafe(ref c, (nuint)((2 * n) + 4));
        c30.StoreUnsafe(ref c, (nuint)(3 * n));
        c31.StoreUnsafe(ref c, (nuint)((3 * n) + 4));
    }

    private static void DotTile4x4(ref float a, ref float b, ref float c, nint ldc, int k, ref float bias, bool hasBias, bool relu)
    {
        Vector128<float> c00 = Vector128<float>.Zero, c01 = Vector128<float>.Zero, c02 = Vector128<float>.Zero, c03 = Vector128<float>.Zero;
        Vector128<float> c10 = Vector128<float>.Zero, c11 = Vector128<float>.Zero, c12 = Vector128<float>.Zero, c13 = Vector128<float>.Zero;
        Vector128<float> c20 = Vector128<float>.Zero, c21 = Vector128<float>.Zero, c22 = Vector128<float>.Zero, c23 = Vector128<float>.Zero;
        Vector128<float> c30 = Vector128<float>.Zero, c31 = Vector128<float>.Zero, c32 = Vector128<float>.Zero, c33 = Vector128<float>.Zero;
        ref var a1 = ref Unsafe.Add(ref a, k);
        ref var a2 = ref Unsafe.Add(ref a, 2 * k);
        ref var a3 = ref Unsafe.Add(ref a, 3 * k);
        ref var b1 = ref Unsafe.Add(ref b, k);
        ref var b2 = ref Unsafe.Add(ref b, 2 * k);
        ref var b3 = ref Unsafe.Add(ref b, 3 * k);
        nuint p = 0;
        for (; (int)p + 4 <= k; p += 4)
        {
            var y0 = Vector128.LoadUnsafe(ref b, p);
            var y1 = Vector128.LoadUnsafe(ref b1, p);
            var y2 = Vector128.LoadUnsafe(ref b2, p);
            var y3 = Vector128.LoadUnsafe(ref b3, p);
            var x = Vector128.LoadUnsafe(ref a, p);
            c00 += x * y0;
            c01 += x * y1;
            c02 += x * y2;
            c03 += x * y3;
            x = Vector128.LoadUnsafe(ref a1, p);
            c10 += x * y0;
            c11 += x * y1;
            c12 += x * y2;
            c13 += x * y3;
            x = Vector128.LoadUnsafe(ref a2, p);
            c20 += x * y0;
            c21 += x * y1;
            c22 += x * y2;
            c23 += x * y3;
            x = Vector128.LoadUnsafe(ref a3, p);
            c30 += x * y0;
            c31 += x * y1;
            c32 += x * y2;
            c33 += x * y3;
        }

        // The epilogue without a call per result (the interpreter pays per call, and Vector128.Sum and Finish were 32
        // calls per tile): the 16 accumulators are stored side by side, then each result is summed, biased and
        // clamped in place. k is a multiple of 4 on the MLP's shapes; other k finish with the scalar tail.
        Span<float> lanes = stackalloc float[64];
        ref var l0 = ref MemoryMarshal.GetReference(lanes);
        c00.StoreUnsafe(ref l0, 0);
        c01.StoreUnsafe(ref l0, 4);
        c02.StoreUnsafe(ref l0, 8);
        c03.StoreUnsafe(ref l0, 12);
        c10.StoreUnsafe(ref l0, 16);
        c11.StoreUnsafe(ref l0, 20);
        c12.StoreUnsafe(ref l0, 24);
        c13.StoreUnsafe(ref l0, 28);
        c20.StoreUnsafe(ref l0, 32);
        c21.StoreUnsafe(ref l0, 36);
        c22.StoreUnsafe(ref l0, 40);
        c23.StoreUnsafe(ref l0, 44);
        c30.StoreUnsafe(ref l0, 48);
        c31.StoreUnsafe(ref l0, 52);
        c32.StoreUnsafe(ref l0, 56);
        c33.StoreUnsafe(ref l0, 60);
        var tail = (int)p < k;
        for (var r = 0; r < 4; r++)
        {
            for (var s = 0; s < 4; s++)
            {
                var at = 16 * r + 4 * s;
                var sum = (lanes[at] + lanes[at + 1]) + (lanes[at + 2] + lanes[at + 3]);
                if (tail)
                {
                    ref var ar = ref Unsafe.Add(ref a, r * k);
                    ref var bs = ref Unsafe.Add(ref b, s * k);
                    for (var q = (int)p; q < k; q++)
                    {
                        sum += Unsafe.Add(ref ar, q) * Unsafe.Add(ref bs, q);
                    }
                }

                if (hasBias)
                {
                    sum += Unsafe.Add(ref bias, s);
                }

                Unsafe.Add(ref c, (r * ldc) + s) = relu && !(sum > 0) ? 0f : sum;
            }
        }
    }

    private static float DotProduct(ref float x, ref float y, int k)
    {
        var acc = Vector128<float>.Zero;
        nuint p = 0;
        for (; (int)p + 4 <= k; p += 4)
        {
            acc += Vector128.LoadUnsafe(ref x, p) * Vector128.LoadUnsafe(ref y, p);
        }

        var sum = Vector128.Sum(acc);
        for (var q = (int)p; q < k; q++)
        {
            sum += Unsafe.Add(ref x, q) * Unsafe.Add(ref y, q);
        }

        return sum;
    }

    private static float Finish(float sum, ref float bias, nint j, bool hasBias, bool relu)
    {
        if (hasBias)
        {
            sum += Unsafe.Add(ref bias, j);
        }

        return relu && !(sum > 0) ? 0f : sum;
    }
}
