using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LrLab.Core.Training;

/// <summary>
/// Register-blocked single-precision GEMM micro-kernels for one vector width. A tile of C (4 rows × 2
/// vectors) stays in registers for the whole K loop, so every load of B feeds four FMAs and every
/// broadcast of A two. Each kernel processes whole vectors of columns starting at <c>j</c> and returns
/// the first column it left, so the caller can finish with a narrower width and then scalars.
/// Row ranges let callers split C's rows over threads; each element of C is computed by exactly the
/// same operations whatever the split, so results do not depend on the thread count.
/// </summary>
internal static class GemmKernels<TVector, TOps>
    where TVector : struct
    where TOps : struct, IVectorOps<TVector>
{
    /// <summary>
    /// C[i, j] = Σₚ A(i, p)·B[p, j] for rows [rowStart, rowEnd) and whole vectors of columns from
    /// <paramref name="j"/>; A(i, p) is at a[i·aRow + p·aCol] (A·B: aRow = lda, aCol = 1; Aᵀ·B: aRow = 1,
    /// aCol = lda). B is row-major with leading dimension <paramref name="ldb"/>.
    /// </summary>
    public static int Axpy(ref float a, nint aRow, nint aCol, ref float b, nint ldb, ref float c, nint ldc, int rowStart, int rowEnd, int k, int j, int n)
    {
        var w = TOps.Width;
        for (; j + (2 * w) <= n; j += 2 * w)
        {
            var i = rowStart;
            for (; i + 4 <= rowEnd; i += 4)
            {
                Tile4x2(ref Unsafe.Add(ref a, i * aRow), aRow, aCol, ref Unsafe.Add(ref b, j), ldb, ref Unsafe.Add(ref c, (i * ldc) + j), ldc, k);
            }

            for (; i < rowEnd; i++)
            {
                Tile1x2(ref Unsafe.Add(ref a, i * aRow), aCol, ref Unsafe.Add(ref b, j), ldb, ref Unsafe.Add(ref c, (i * ldc) + j), k);
            }
        }

        for (; j + w <= n; j += w)
        {
            for (var i = rowStart; i < rowEnd; i++)
            {
                Tile1x1(ref Unsafe.Add(ref a, i * aRow), aCol, ref Unsafe.Add(ref b, j), ldb, ref Unsafe.Add(ref c, (i * ldc) + j), k);
            }
        }

        return j;
    }

    /// <summary>
    /// C[i, j] = act(Σₚ A[i, p]·B[j, p] + bias[j]) for rows [rowStart, rowEnd) and all n columns: dot
    /// products along K (A·Bᵀ with both operands row-major), 4 rows × 2 columns of C per tile.
    /// </summary>
    public static void Dot(ref float a, nint lda, ref float b, nint ldb, ref float c, nint ldc, int rowStart, int rowEnd, int k, int n, ref float bias, bool hasBias, bool relu)
    {
        var i = rowStart;
        for (; i + 4 <= rowEnd; i += 4)
        {
            var j = 0;
            for (; j + 4 <= n; j += 4)
            {
                DotTile4x4(ref Unsafe.Add(ref a, i * lda), lda, ref Unsafe.Add(ref b, j * ldb), ldb, ref Unsafe.Add(ref c, (i * ldc) + j), ldc, k, ref Unsafe.Add(ref bias, j), hasBias, relu);
            }

            for (; j + 2 <= n; j += 2)
            {
                DotTile4x2(ref Unsafe.Add(ref a, i * lda), lda, ref Unsafe.Add(ref b, j * ldb), ldb, ref Unsafe.Add(ref c, (i * ldc) + j), ldc, k, ref Unsafe.Add(ref bias, j), hasBias, relu);
            }

            for (; j < n; j++)
            {
                for (var r = 0; r < 4; r++)
                {
                    Unsafe.Add(ref c, ((i + r) * ldc) + j) = Finish(DotProduct(ref Unsafe.Add(ref a, (i + r) * lda), ref Unsafe.Add(ref b, j * ldb), k), ref bias, j, hasBias, relu);
                }
            }
        }

        for (; i < rowEnd; i++)
        {
            for (var j = 0; j < n; j++)
            {
                Unsafe.Add(ref c, (i * ldc) + j) = Finish(DotProduct(ref Unsafe.Add(ref a, i * lda), ref Unsafe.Add(ref b, j * ldb), k), ref bias, j, hasBias, relu);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Finish(float sum, ref float bias, nint j, bool hasBias, bool relu)
    {
        if (hasBias)
        {
            sum += Unsafe.Add(ref bias, j);
        }

        return relu && !(sum > 0) ? 0f : sum;
    }

    private static void Tile4x2(ref float a, nint aRow, nint aCol, ref float b, nint ldb, ref float c, nint ldc, int k)
    {
        var w = TOps.Width;
        TVector c00 = TOps.Zero, c01 = TOps.Zero, c10 = TOps.Zero, c11 = TOps.Zero;
        TVector c20 = TOps.Zero, c21 = TOps.Zero, c30 = TOps.Zero, c31 = TOps.Zero;
        ref var a0 = ref a;
        ref var a1 = ref Unsafe.Add(ref a, aRow);
        ref var a2 = ref Unsafe.Add(ref a, 2 * aRow);
        ref var a3 = ref Unsafe.Add(ref a, 3 * aRow);
        for (nint p = 0; p < k; p++)
        {
            var row = p * ldb;
            var b0 = TOps.Load(ref b, row);
            var b1 = TOps.Load(ref b, row + w);
            var at = p * aCol;
            var x = TOps.Splat(Unsafe.Add(ref a0, at));
            c00 = TOps.MultiplyAdd(x, b0, c00);
            c01 = TOps.MultiplyAdd(x, b1, c01);
            x = TOps.Splat(Unsafe.Add(ref a1, at));
            c10 = TOps.MultiplyAdd(x, b0, c10);
            c11 = TOps.MultiplyAdd(x, b1, c11);
            x = TOps.Splat(Unsafe.Add(ref a2, at));
            c20 = TOps.MultiplyAdd(x, b0, c20);
            c21 = TOps.MultiplyAdd(x, b1, c21);
            x = TOps.Splat(Unsafe.Add(ref a3, at));
            c30 = TOps.MultiplyAdd(x, b0, c30);
            c31 = TOps.MultiplyAdd(x, b1, c31);
        }

        TOps.Store(c00, ref c, 0);
        TOps.Store(c01, ref c, w);
        TOps.Store(c10, ref c, ldc);
        TOps.Store(c11, ref c, ldc + w);
        TOps.Store(c20, ref c, 2 * ldc);
        TOps.Store(c21, ref c, (2 * ldc) + w);
        TOps.Store(c30, ref c, 3 * ldc);
        TOps.Store(c31, ref c, (3 * ldc) + w);
    }

    private static void Tile1x2(ref float a, nint aCol, ref float b, nint ldb, ref float c, int k)
    {
        var w = TOps.Width;
        TVector c0 = TOps.Zero, c1 = TOps.Zero;
        for (nint p = 0; p < k; p++)
        {
            var x = TOps.Splat(Unsafe.Add(ref a, p * aCol));
            c0 = TOps.MultiplyAdd(x, TOps.Load(ref b, p * ldb), c0);
            c1 = TOps.MultiplyAdd(x, TOps.Load(ref b, (p * ldb) + w), c1);
        }

        TOps.Store(c0, ref c, 0);
        TOps.Store(c1, ref c, w);
    }

    private static void Tile1x1(ref float a, nint aCol, ref float b, nint ldb, ref float c, int k)
    {
        var c0 = TOps.Zero;
        for (nint p = 0; p < k; p++)
        {
            c0 = TOps.MultiplyAdd(TOps.Splat(Unsafe.Add(ref a, p * aCol)), TOps.Load(ref b, p * ldb), c0);
        }

        TOps.Store(c0, ref c, 0);
    }

    private static void DotTile4x4(ref float a, nint lda, ref float b, nint ldb, ref float c, nint ldc, int k, ref float bias, bool hasBias, bool relu)
    {
        var w = TOps.Width;
        TVector c00 = TOps.Zero, c01 = TOps.Zero, c02 = TOps.Zero, c03 = TOps.Zero;
        TVector c10 = TOps.Zero, c11 = TOps.Zero, c12 = TOps.Zero, c13 = TOps.Zero;
        TVector c20 = TOps.Zero, c21 = TOps.Zero, c22 = TOps.Zero, c23 = TOps.Zero;
        TVector c30 = TOps.Zero, c31 = TOps.Zero, c32 = TOps.Zero, c33 = TOps.Zero;
        ref var b1 = ref Unsafe.Add(ref b, ldb);
        ref var b2 = ref Unsafe.Add(ref b, 2 * ldb);
        ref var b3 = ref Unsafe.Add(ref b, 3 * ldb);
        nint p = 0;
        for (; p + w <= k; p += w)
        {
            var y0 = TOps.Load(ref b, p);
            var y1 = TOps.Load(ref b1, p);
            var y2 = TOps.Load(ref b2, p);
            var y3 = TOps.Load(ref b3, p);
            var x = TOps.Load(ref a, p);
            c00 = TOps.MultiplyAdd(x, y0, c00);
            c01 = TOps.MultiplyAdd(x, y1, c01);
            c02 = TOps.MultiplyAdd(x, y2, c02);
            c03 = TOps.MultiplyAdd(x, y3, c03);
            x = TOps.Load(ref a, lda + p);
            c10 = TOps.MultiplyAdd(x, y0, c10);
            c11 = TOps.MultiplyAdd(x, y1, c11);
            c12 = TOps.MultiplyAdd(x, y2, c12);
            c13 = TOps.MultiplyAdd(x, y3, c13);
            x = TOps.Load(ref a, (2 * lda) + p);
            c20 = TOps.MultiplyAdd(x, y0, c20);
            c21 = TOps.MultiplyAdd(x, y1, c21);
            c22 = TOps.MultiplyAdd(x, y2, c22);
            c23 = TOps.MultiplyAdd(x, y3, c23);
            x = TOps.Load(ref a, (3 * lda) + p);
            c30 = TOps.MultiplyAdd(x, y0, c30);
            c31 = TOps.MultiplyAdd(x, y1, c31);
            c32 = TOps.MultiplyAdd(x, y2, c32);
            c33 = TOps.MultiplyAdd(x, y3, c33);
        }

        // Four results per row at once: fold each accumulator to four lanes, then a horizontal-add tree
        // turns four of them into [sum0, sum1, sum2, sum3] (cheaper than sixteen full reductions).
        var row0 = SumEach(TOps.Fold(c00), TOps.Fold(c01), TOps.Fold(c02), TOps.Fold(c03));
        var row1 = SumEach(TOps.Fold(c10), TOps.Fold(c11), TOps.Fold(c12), TOps.Fold(c13));
        var row2 = SumEach(TOps.Fold(c20), TOps.Fold(c21), TOps.Fold(c22), TOps.Fold(c23));
        var row3 = SumEach(TOps.Fold(c30), TOps.Fold(c31), TOps.Fold(c32), TOps.Fold(c33));
        if (p < k)
        {
            row0 += Tail4(ref a, ref b, ldb, (int)p, k);
            row1 += Tail4(ref Unsafe.Add(ref a, lda), ref b, ldb, (int)p, k);
            row2 += Tail4(ref Unsafe.Add(ref a, 2 * lda), ref b, ldb, (int)p, k);
            row3 += Tail4(ref Unsafe.Add(ref a, 3 * lda), ref b, ldb, (int)p, k);
        }

        var add = hasBias ? Vector128.LoadUnsafe(ref bias) : Vector128<float>.Zero;
        Finish4(row0 + add, relu).StoreUnsafe(ref c);
        Finish4(row1 + add, relu).StoreUnsafe(ref c, (nuint)ldc);
        Finish4(row2 + add, relu).StoreUnsafe(ref c, (nuint)(2 * ldc));
        Finish4(row3 + add, relu).StoreUnsafe(ref c, (nuint)(3 * ldc));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> SumEach(Vector128<float> x0, Vector128<float> x1, Vector128<float> x2, Vector128<float> x3)
    {
        if (Sse3.IsSupported)
        {
            return Sse3.HorizontalAdd(Sse3.HorizontalAdd(x0, x1), Sse3.HorizontalAdd(x2, x3));
        }

        return Vector128.Create(Vector128.Sum(x0), Vector128.Sum(x1), Vector128.Sum(x2), Vector128.Sum(x3));
    }

    /// <summary>The K elements past the last whole vector, for one row of A against four rows of B.</summary>
    private static Vector128<float> Tail4(ref float a, ref float b, nint ldb, int from, int k)
    {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (var q = from; q < k; q++)
        {
            var x = Unsafe.Add(ref a, q);
            s0 += x * Unsafe.Add(ref b, q);
            s1 += x * Unsafe.Add(ref b, ldb + q);
            s2 += x * Unsafe.Add(ref b, (2 * ldb) + q);
            s3 += x * Unsafe.Add(ref b, (3 * ldb) + q);
        }

        return Vector128.Create(s0, s1, s2, s3);
    }

    /// <summary>ReLU as the scalar path does it: anything not above zero (NaN included) becomes 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Finish4(Vector128<float> value, bool relu) =>
        relu ? Vector128.ConditionalSelect(Vector128.GreaterThan(value, Vector128<float>.Zero), value, Vector128<float>.Zero) : value;

    private static void DotTile4x2(ref float a, nint lda, ref float b, nint ldb, ref float c, nint ldc, int k, ref float bias, bool hasBias, bool relu)
    {
        var w = TOps.Width;
        TVector c00 = TOps.Zero, c01 = TOps.Zero, c10 = TOps.Zero, c11 = TOps.Zero;
        TVector c20 = TOps.Zero, c21 = TOps.Zero, c30 = TOps.Zero, c31 = TOps.Zero;
        ref var b1 = ref Unsafe.Add(ref b, ldb);
        nint p = 0;
        for (; p + w <= k; p += w)
        {
            var y0 = TOps.Load(ref b, p);
            var y1 = TOps.Load(ref b1, p);
            var x = TOps.Load(ref a, p);
            c00 = TOps.MultiplyAdd(x, y0, c00);
            c01 = TOps.MultiplyAdd(x, y1, c01);
            x = TOps.Load(ref a, lda + p);
            c10 = TOps.MultiplyAdd(x, y0, c10);
            c11 = TOps.MultiplyAdd(x, y1, c11);
            x = TOps.Load(ref a, (2 * lda) + p);
            c20 = TOps.MultiplyAdd(x, y0, c20);
            c21 = TOps.MultiplyAdd(x, y1, c21);
            x = TOps.Load(ref a, (3 * lda) + p);
            c30 = TOps.MultiplyAdd(x, y0, c30);
            c31 = TOps.MultiplyAdd(x, y1, c31);
        }

        Span<float> sums = stackalloc float[8];
        sums[0] = TOps.Sum(c00);
        sums[1] = TOps.Sum(c01);
        sums[2] = TOps.Sum(c10);
        sums[3] = TOps.Sum(c11);
        sums[4] = TOps.Sum(c20);
        sums[5] = TOps.Sum(c21);
        sums[6] = TOps.Sum(c30);
        sums[7] = TOps.Sum(c31);
        for (var r = 0; r < 4; r++)
        {
            ref var ar = ref Unsafe.Add(ref a, r * lda);
            var s0 = sums[2 * r];
            var s1 = sums[(2 * r) + 1];
            for (var q = p; q < k; q++)
            {
                s0 += Unsafe.Add(ref ar, q) * Unsafe.Add(ref b, q);
                s1 += Unsafe.Add(ref ar, q) * Unsafe.Add(ref b1, q);
            }

            Unsafe.Add(ref c, r * ldc) = Finish(s0, ref bias, 0, hasBias, relu);
            Unsafe.Add(ref c, (r * ldc) + 1) = Finish(s1, ref bias, 1, hasBias, relu);
        }
    }

    private static float DotProduct(ref float x, ref float y, int k)
    {
        var w = TOps.Width;
        var acc = TOps.Zero;
        nint p = 0;
        for (; p + w <= k; p += w)
        {
            acc = TOps.MultiplyAdd(TOps.Load(ref x, p), TOps.Load(ref y, p), acc);
        }

        var sum = TOps.Sum(acc);
        for (; p < k; p++)
        {
            sum += Unsafe.Add(ref x, p) * Unsafe.Add(ref y, p);
        }

        return sum;
    }
}
