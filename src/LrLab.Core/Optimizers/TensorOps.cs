using System.Numerics;

namespace LrLab.Core.Optimizers;

/// <summary>
/// The element-wise arithmetic of the torch tensor methods the optimizers call, in PyTorch's exact
/// order of rounding, so float64 trajectories agree bit for bit rather than merely closely.
/// PyTorch's x86-64 CPU kernels are built for AVX2, where the compiler contracts
/// <c>self + alpha·other</c> into one fused multiply-add; we fuse the same products.
/// </summary>
internal static class TensorOps
{
    /// <summary><c>self.add(other, alpha=alpha)</c>: self + alpha·other, fused (one rounding).</summary>
    public static T Add<T>(T self, T other, T alpha)
        where T : unmanaged, IFloatingPointIeee754<T> => T.FusedMultiplyAdd(alpha, other, self);

    /// <summary>
    /// <c>self.mul_(scale).add_(other, alpha=alpha)</c>, the moving-average idiom: rounded after the
    /// product, then once more in the fused add.
    /// </summary>
    public static T ScaleAdd<T>(T self, T scale, T other, T alpha)
        where T : unmanaged, IFloatingPointIeee754<T> => T.FusedMultiplyAdd(alpha, other, self * scale);

    /// <summary><c>self.addcmul(t1, t2, value=value)</c>: (value·t1) rounded, then fused with t2 and self.</summary>
    public static T AddCMul<T>(T self, T t1, T t2, T value)
        where T : unmanaged, IFloatingPointIeee754<T> => T.FusedMultiplyAdd(value * t1, t2, self);

    /// <summary><c>self.addcdiv(t1, t2, value=value)</c>: self + (value·t1)/t2, the product taken before the quotient.</summary>
    public static T AddCDiv<T>(T self, T t1, T t2, T value)
        where T : unmanaged, IFloatingPointIeee754<T> => self + (value * t1 / t2);

    /// <summary>A Python float as the tensor's element type (PyTorch casts scalars the same way).</summary>
    public static T Of<T>(double value)
        where T : unmanaged, IFloatingPointIeee754<T> => T.CreateTruncating(value);
}
