// The WebAssembly SIMD matrix kernels (wwwroot/kernels/gemm.wasm, built from Kernels/gemm.c): instantiated once on
// the .NET runtime's own memory, so the C# side passes addresses of pinned arrays and nothing is copied.
let kernels = null;

// Resolves true when the module runs here, false when it cannot (no WebAssembly SIMD, a blocked fetch, an older
// runtime without the memory where we look for it): the managed kernels then run instead, and nothing is logged.
export async function load(url) {
    try {
        const memory = globalThis.getDotnetRuntime?.(0)?.Module?.wasmExports?.memory;
        if (!(memory instanceof WebAssembly.Memory)) {
            return false;
        }

        const response = await fetch(url);
        if (!response.ok) {
            return false;
        }

        const { instance } = await WebAssembly.instantiate(await response.arrayBuffer(), { env: { memory } });
        kernels = instance.exports;
        return true;
    } catch {
        return false;
    }
}

export function dot(a, b, c, m, n, k, bias, hasBias, relu) {
    kernels.dot(a, b, c, m, n, k, bias, hasBias, relu);
}

export function axpy(a, aRow, aCol, b, c, m, n, k) {
    kernels.axpy(a, aRow, aCol, b, c, m, n, k);
}
