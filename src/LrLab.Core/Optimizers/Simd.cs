using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LrLab.Core.Optimizers;

/// <summary>
/// The element-wise operations of <see cref="TensorOps"/> on whole <see cref="Vector512{T}"/> lanes, for the
/// optimizers' update loops. Each lane goes through exactly the scalar loop's operations in the same order
/// (products, fused multiply-adds, correctly rounded division and square root), so a parameter gets the same
/// bits whether it is updated in a vector or by the scalar tail. Used only where the hardware runs 512-bit
/// vectors natively (the browser's interpreter and AVX2-only machines take the scalar loop).
/// </summary>
internal static class Simd
{
    /// <summary>Whether <typeparamref name="T"/> is updated in vectors on this machine.</summary>
    public static bool Enabled<T>()
        where T : unmanaged, IFloatingPointIeee754<T> =>
        (typeof(T) == typeof(float) || typeof(T) == typeof(double)) && Vector512.IsHardwareAccelerated;

    /// <summary>Elements per vector.</summary>
    public static int Count<T>()
        where T : unmanaged, IFloatingPointIeee754<T> => Vector512<T>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Load<T>(ReadOnlySpan<T> values, int index)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(values), (nuint)index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store<T>(Vector512<T> value, Span<T> values, int index)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        value.StoreUnsafe(ref MemoryMarshal.GetReference(values), (nuint)index);

    /// <summary>a·b + c with one rounding (the scalar loop's <c>T.FusedMultiplyAdd(a, b, c)</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Fma<T>(Vector512<T> a, Vector512<T> b, Vector512<T> c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            return Vector512.FusedMultiplyAdd(a.As<T, float>(), b.As<T, float>(), c.As<T, float>()).As<float, T>();
        }

        return Vector512.FusedMultiplyAdd(a.As<T, double>(), b.As<T, double>(), c.As<T, double>()).As<double, T>();
    }

    /// <summary>
    /// The Adam family's moment updates on one vector, stored back into <paramref name="m"/> and <paramref name="v"/>
    /// at <paramref name="index"/> and returned: m ← fma(1 − β1, g, β1·m) and v ← fma((1 − β2)·g, g, β2·v), the
    /// roundings of the scalar loops of Adam, NAdam and RAdam.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector512<T> M, Vector512<T> V) Moments<T>(Vector512<T> g, Span<T> m, Span<T> v, int index, Vector512<T> beta1, Vector512<T> oneMinusBeta1, Vector512<T> beta2, Vector512<T> oneMinusBeta2)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var mi = Fma(oneMinusBeta1, g, Load<T>(m, index) * beta1);
        var vi = Fma(oneMinusBeta2 * g, g, Load<T>(v, index) * beta2);
        Store(mi, m, index);
        Store(vi, v, index);
        return (mi, vi);
    }

    /// <summary><see cref="EffectiveGradient.Of{T}"/> on a vector: negated when maximizing, then + weight_decay·θ (fused) unless the decay is zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Gradient<T>(Vector512<T> gradient, Vector512<T> parameter, Vector512<T> weightDecay, bool decay, bool maximize)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var g = maximize ? -gradient : gradient;
        return decay ? Fma(weightDecay, parameter, g) : g;
    }
}
