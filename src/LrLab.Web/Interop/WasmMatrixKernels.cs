using System.Runtime.InteropServices.JavaScript;
using System.Runtime.Versioning;
using LrLab.Core.Training;

namespace LrLab.Web.Interop;

/// <summary>
/// The training step's matrix products on hand-written WebAssembly SIMD (wwwroot/kernels/gemm.wasm, built from
/// Kernels/gemm.c by tools/build_kernels.sh) instead of the Mono interpreter: the module works in place on the
/// runtime's memory, so each product is one synchronous call with the addresses of the pinned operands. Every result
/// has the bits of Core's interpreter kernels (the same float operations in the same order, see gemm.c), which the
/// browser tests check; <see cref="LoadAsync"/> gives the managed kernels when the module cannot run.
/// </summary>
[SupportedOSPlatform("browser")]
public sealed partial class WasmMatrixKernels : IMatrixKernels
{
    private const string ModuleName = "lrlab-kernels";

    // The JS module and the WebAssembly instance are one per page, so is their loading.
    private static Task<IMatrixKernels>? _loading;

    private WasmMatrixKernels()
    {
    }

    /// <summary>
    /// The WebAssembly kernels once the module has loaded from the site at <paramref name="baseAddress"/>, or
    /// <see cref="ManagedMatrixKernels.Instance"/> when it cannot (no SIMD, a blocked fetch, any error). Loads once
    /// per page; later calls return the first outcome.
    /// </summary>
    public static Task<IMatrixKernels> LoadAsync(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        return _loading ??= LoadOnceAsync(baseAddress);
    }

    private static async Task<IMatrixKernels> LoadOnceAsync(Uri baseAddress)
    {
        try
        {
            await JSHost.ImportAsync(ModuleName, new Uri(baseAddress, "js/kernels.js").ToString()).ConfigureAwait(true);
            return await Load(new Uri(baseAddress, "kernels/gemm.wasm").ToString()).ConfigureAwait(true) ? new WasmMatrixKernels() : ManagedMatrixKernels.Instance;
        }
        catch (JSException)
        {
            return ManagedMatrixKernels.Instance;
        }
    }

    /// <inheritdoc/>
    public void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k)
    {
        MatrixOperands.Multiply(a, b, c, m, n, k);
        Axpy(a, k, 1, b, c, m, n, k);
    }

    /// <inheritdoc/>
    public void MultiplyTransposeA(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k)
    {
        MatrixOperands.MultiplyTransposeA(a, b, c, m, n, k);
        Axpy(a, 1, m, b, c, m, n, k);
    }

    /// <inheritdoc/>
    public unsafe void MultiplyTransposeB(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k, ReadOnlySpan<float> bias, bool relu)
    {
        MatrixOperands.MultiplyTransposeB(a, b, c, m, n, k, bias);

        if (m == 0 || n == 0)
        {
            return;
        }

        fixed (float* pa = a, pb = b, pc = c, pbias = bias)
        {
            Dot((nint)pa, (nint)pb, (nint)pc, m, n, k, (nint)pbias, bias.IsEmpty ? 0 : 1, relu ? 1 : 0);
        }
    }

    private static unsafe void Axpy(ReadOnlySpan<float> a, int aRow, int aCol, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k)
    {
        if (m == 0 || n == 0)
        {
            return;
        }

        fixed (float* pa = a, pb = b, pc = c)
        {
            Axpy((nint)pa, aRow, aCol, (nint)pb, (nint)pc, m, n, k);
        }
    }

    [JSImport("load", ModuleName)]
    private static partial Task<bool> Load(string url);

    [JSImport("dot", ModuleName)]
    private static partial void Dot([JSMarshalAs<JSType.Number>] nint a, [JSMarshalAs<JSType.Number>] nint b, [JSMarshalAs<JSType.Number>] nint c, int m, int n, int k, [JSMarshalAs<JSType.Number>] nint bias, int hasBias, int relu);

    [JSImport("axpy", ModuleName)]
    private static partial void Axpy([JSMarshalAs<JSType.Number>] nint a, int aRow, int aCol, [JSMarshalAs<JSType.Number>] nint b, [JSMarshalAs<JSType.Number>] nint c, int m, int n, int k);
}
