using System.Runtime.Intrinsics;

namespace LrLab.Core.Training;

/// <summary>
/// The handful of SIMD operations the GEMM kernels need, abstracted over the vector width so one kernel
/// source serves Vector512, Vector256 and Vector128. The implementations are structs, so the JIT
/// specialises and inlines each kernel per width.
/// </summary>
internal interface IVectorOps<TVector>
    where TVector : struct
{
    /// <summary>Floats per vector.</summary>
    static abstract int Width { get; }

    static abstract TVector Zero { get; }

    static abstract TVector Load(ref float source, nint offset);

    static abstract void Store(TVector value, ref float destination, nint offset);

    static abstract TVector Splat(float value);

    /// <summary>a·b + c, fused where the hardware can (MultiplyAddEstimate: never a slow software FMA).</summary>
    static abstract TVector MultiplyAdd(TVector a, TVector b, TVector c);

    static abstract TVector Add(TVector a, TVector b);

    static abstract float Sum(TVector value);

    /// <summary>Adds the halves of the vector down to four lanes (same total).</summary>
    static abstract Vector128<float> Fold(TVector value);
}
