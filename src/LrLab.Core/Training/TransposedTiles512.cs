using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LrLab.Core.Training;

/// <summary>
/// The weight-gradient product C = Aᵀ·B (A stored k×m, so the rows of C are A's columns) on AVX-512, with
/// a larger register block than <see cref="GemmKernels{TVector, TOps}"/>'s 4×2: 8 rows × 3 vectors (48
/// columns) of C stay in 24 of the 32 zmm registers for the whole K loop. Per step of K the kernel loads
/// three vectors of B and broadcasts eight neighbouring values of A (one cache line), so every load feeds
/// eight fused multiply-adds. Each element of C is still Σₚ in order with one fused multiply-add per p,
/// the same operations as the other tiles, so the result does not depend on which tile computed it.
/// </summary>
internal static class TransposedTiles512
{
    private const int Width = 16;

    /// <summary>
    /// C rows [rowStart, rowEnd) (a multiple of 8 rows), whole vectors of columns from 0: 8×3 tiles, then
    /// 8×1 tiles. Returns the first column left (below 16 columns remain).
    /// </summary>
    public static int Multiply(ref float a, nint lda, ref float b, ref float c, int rowStart, int rowEnd, int n, int k) =>
        Multiply(ref a, lda, ref b, ref c, rowStart, rowEnd, n, k, ref c, 0, update: false);

    /// <summary>
    /// <see cref="Multiply(ref float, nint, ref float, ref float, int, int, int, int)"/>, and when
    /// <paramref name="update"/> also plain SGD on the matching elements of <paramref name="parameters"/>
    /// (same layout as C) while each tile of C is still in registers: θ ← fma(C, −lr, θ), the single rounding of
    /// <see cref="Optimizers.Sgd"/>'s own update, so the result is the same bits as a separate pass.
    /// </summary>
    public static int Multiply(ref float a, nint lda, ref float b, ref float c, int rowStart, int rowEnd, int n, int k, ref float parameters, float negLr, bool update)
    {
        var j = 0;
        var rate = Vector512.Create(negLr);
        for (; j + (3 * Width) <= n; j += 3 * Width)
        {
            for (var i = rowStart; i + 8 <= rowEnd; i += 8)
            {
                var at = (i * n) + j;
                Tile8x3(ref Unsafe.Add(ref a, i), lda, ref Unsafe.Add(ref b, j), n, ref Unsafe.Add(ref c, at), n, k, ref Unsafe.Add(ref parameters, at), rate, update);
            }
        }

        for (; j + Width <= n; j += Width)
        {
            for (var i = rowStart; i + 8 <= rowEnd; i += 8)
            {
                var at = (i * n) + j;
                Tile8x1(ref Unsafe.Add(ref a, i), lda, ref Unsafe.Add(ref b, j), n, ref Unsafe.Add(ref c, at), n, k, ref Unsafe.Add(ref parameters, at), rate, update);
            }
        }

        return j;
    }

    /// <summary>
    /// The rows past the last 8-row block (fewer than 8), whole blocks of 4 vectors (64 columns) from 0: pairs
    /// of rows in 2×4 tiles, a last single row in a 1×4 tile, so each row still has four or eight independent
    /// sums in flight (one or two would wait on the fused multiply-add's latency). Returns the first column left.
    /// </summary>
    public static int MultiplyNarrow(ref float a, nint lda, ref float b, ref float c, int rowStart, int rowEnd, int n, int k)
    {
        var j = 0;
        for (; j + (4 * Width) <= n; j += 4 * Width)
        {
            var i = rowStart;
            for (; i + 2 <= rowEnd; i += 2)
            {
                Tile2x4(ref Unsafe.Add(ref a, i), lda, ref Unsafe.Add(ref b, j), n, ref Unsafe.Add(ref c, (i * n) + j), n, k);
            }

            if (i < rowEnd)
            {
                Tile1x4(ref Unsafe.Add(ref a, i), lda, ref Unsafe.Add(ref b, j), n, ref Unsafe.Add(ref c, (i * n) + j), k);
            }
        }

        return j;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Fma(Vector512<float> a, Vector512<float> b, Vector512<float> c) => Vector512.FusedMultiplyAdd(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Splat(ref float a, nint offset) => Vector512.Create(Unsafe.Add(ref a, offset));

    private static void Tile8x3(ref float a, nint lda, ref float b, nint ldb, ref float c, nint ldc, int k, ref float parameters, Vector512<float> rate, bool update)
    {
        Vector512<float> c00 = default, c01 = default, c02 = default, c10 = default, c11 = default, c12 = default;
        Vector512<float> c20 = default, c21 = default, c22 = default, c30 = default, c31 = default, c32 = default;
        Vector512<float> c40 = default, c41 = default, c42 = default, c50 = default, c51 = default, c52 = default;
        Vector512<float> c60 = default, c61 = default, c62 = default, c70 = default, c71 = default, c72 = default;
        for (var p = 0; p < k; p++)
        {
            var b0 = Vector512.LoadUnsafe(ref b);
            var b1 = Vector512.LoadUnsafe(ref b, Width);
            var b2 = Vector512.LoadUnsafe(ref b, 2 * Width);
            var x = Splat(ref a, 0);
            c00 = Fma(x, b0, c00);
            c01 = Fma(x, b1, c01);
            c02 = Fma(x, b2, c02);
            x = Splat(ref a, 1);
            c10 = Fma(x, b0, c10);
            c11 = Fma(x, b1, c11);
            c12 = Fma(x, b2, c12);
            x = Splat(ref a, 2);
            c20 = Fma(x, b0, c20);
            c21 = Fma(x, b1, c21);
            c22 = Fma(x, b2, c22);
            x = Splat(ref a, 3);
            c30 = Fma(x, b0, c30);
            c31 = Fma(x, b1, c31);
            c32 = Fma(x, b2, c32);
            x = Splat(ref a, 4);
            c40 = Fma(x, b0, c40);
            c41 = Fma(x, b1, c41);
            c42 = Fma(x, b2, c42);
            x = Splat(ref a, 5);
            c50 = Fma(x, b0, c50);
            c51 = Fma(x, b1, c51);
            c52 = Fma(x, b2, c52);
            x = Splat(ref a, 6);
            c60 = Fma(x, b0, c60);
            c61 = Fma(x, b1, c61);
            c62 = Fma(x, b2, c62);
            x = Splat(ref a, 7);
            c70 = Fma(x, b0, c70);
            c71 = Fma(x, b1, c71);
            c72 = Fma(x, b2, c72);
            a = ref Unsafe.Add(ref a, lda);
            b = ref Unsafe.Add(ref b, ldb);
        }

        Store3(c00, c01, c02, ref c, ref parameters, rate, update);
        Store3(c10, c11, c12, ref Unsafe.Add(ref c, ldc), ref Unsafe.Add(ref parameters, ldc), rate, update);
        Store3(c20, c21, c22, ref Unsafe.Add(ref c, 2 * ldc), ref Unsafe.Add(ref parameters, 2 * ldc), rate, update);
        Store3(c30, c31, c32, ref Unsafe.Add(ref c, 3 * ldc), ref Unsafe.Add(ref parameters, 3 * ldc), rate, update);
        Store3(c40, c41, c42, ref Unsafe.Add(ref c, 4 * ldc), ref Unsafe.Add(ref parameters, 4 * ldc), rate, update);
        Store3(c50, c51, c52, ref Unsafe.Add(ref c, 5 * ldc), ref Unsafe.Add(ref parameters, 5 * ldc), rate, update);
        Store3(c60, c61, c62, ref Unsafe.Add(ref c, 6 * ldc), ref Unsafe.Add(ref parameters, 6 * ldc), rate, update);
        Store3(c70, c71, c72, ref Unsafe.Add(ref c, 7 * ldc), ref Unsafe.Add(ref parameters, 7 * ldc), rate, update);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store3(Vector512<float> v0, Vector512<float> v1, Vector512<float> v2, ref float c, ref float parameters, Vector512<float> rate, bool update)
    {
        Store(v0, ref c, ref parameters, 0, rate, update);
        Store(v1, ref c, ref parameters, Width, rate, update);
        Store(v2, ref c, ref parameters, 2 * Width, rate, update);
    }

    /// <summary>Stores a vector of C, and with <paramref name="update"/> steps the parameters under it: θ ← fma(g, −lr, θ).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector512<float> gradient, ref float c, ref float parameters, nuint offset, Vector512<float> rate, bool update)
    {
        gradient.StoreUnsafe(ref c, offset);
        if (update)
        {
            Fma(gradient, rate, Vector512.LoadUnsafe(ref parameters, offset)).StoreUnsafe(ref parameters, offset);
        }
    }

    private static void Tile8x1(ref float a, nint lda, ref float b, nint ldb, ref float c, nint ldc, int k, ref float parameters, Vector512<float> rate, bool update)
    {
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default;
        Vector512<float> c4 = default, c5 = default, c6 = default, c7 = default;
        for (var p = 0; p < k; p++)
        {
            var y = Vector512.LoadUnsafe(ref b);
            c0 = Fma(Splat(ref a, 0), y, c0);
            c1 = Fma(Splat(ref a, 1), y, c1);
            c2 = Fma(Splat(ref a, 2), y, c2);
            c3 = Fma(Splat(ref a, 3), y, c3);
            c4 = Fma(Splat(ref a, 4), y, c4);
            c5 = Fma(Splat(ref a, 5), y, c5);
            c6 = Fma(Splat(ref a, 6), y, c6);
            c7 = Fma(Splat(ref a, 7), y, c7);
            a = ref Unsafe.Add(ref a, lda);
            b = ref Unsafe.Add(ref b, ldb);
        }

        Store(c0, ref c, ref parameters, 0, rate, update);
        Store(c1, ref c, ref parameters, (nuint)ldc, rate, update);
        Store(c2, ref c, ref parameters, (nuint)(2 * ldc), rate, update);
        Store(c3, ref c, ref parameters, (nuint)(3 * ldc), rate, update);
        Store(c4, ref c, ref parameters, (nuint)(4 * ldc), rate, update);
        Store(c5, ref c, ref parameters, (nuint)(5 * ldc), rate, update);
        Store(c6, ref c, ref parameters, (nuint)(6 * ldc), rate, update);
        Store(c7, ref c, ref parameters, (nuint)(7 * ldc), rate, update);
    }

    private static void Tile2x4(ref float a, nint lda, ref float b, nint ldb, ref float c, nint ldc, int k)
    {
        Vector512<float> c00 = default, c01 = default, c02 = default, c03 = default;
        Vector512<float> c10 = default, c11 = default, c12 = default, c13 = default;
        for (var p = 0; p < k; p++)
        {
            var b0 = Vector512.LoadUnsafe(ref b);
            var b1 = Vector512.LoadUnsafe(ref b, Width);
            var b2 = Vector512.LoadUnsafe(ref b, 2 * Width);
            var b3 = Vector512.LoadUnsafe(ref b, 3 * Width);
            var x = Splat(ref a, 0);
            c00 = Fma(x, b0, c00);
            c01 = Fma(x, b1, c01);
            c02 = Fma(x, b2, c02);
            c03 = Fma(x, b3, c03);
            x = Splat(ref a, 1);
            c10 = Fma(x, b0, c10);
            c11 = Fma(x, b1, c11);
            c12 = Fma(x, b2, c12);
            c13 = Fma(x, b3, c13);
            a = ref Unsafe.Add(ref a, lda);
            b = ref Unsafe.Add(ref b, ldb);
        }

        Store4(c00, c01, c02, c03, ref c);
        Store4(c10, c11, c12, c13, ref Unsafe.Add(ref c, ldc));
    }

    private static void Tile1x4(ref float a, nint lda, ref float b, nint ldb, ref float c, int k)
    {
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default;
        for (var p = 0; p < k; p++)
        {
            var x = Splat(ref a, 0);
            c0 = Fma(x, Vector512.LoadUnsafe(ref b), c0);
            c1 = Fma(x, Vector512.LoadUnsafe(ref b, Width), c1);
            c2 = Fma(x, Vector512.LoadUnsafe(ref b, 2 * Width), c2);
            c3 = Fma(x, Vector512.LoadUnsafe(ref b, 3 * Width), c3);
            a = ref Unsafe.Add(ref a, lda);
            b = ref Unsafe.Add(ref b, ldb);
        }

        Store4(c0, c1, c2, c3, ref c);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store4(Vector512<float> v0, Vector512<float> v1, Vector512<float> v2, Vector512<float> v3, ref float c)
    {
        v0.StoreUnsafe(ref c);
        v1.StoreUnsafe(ref c, Width);
        v2.StoreUnsafe(ref c, 2 * Width);
        v3.StoreUnsafe(ref c, 3 * Width);
    }
}
