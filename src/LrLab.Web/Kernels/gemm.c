// The matrix products of a training step as WebAssembly SIMD, for the site (tools/build_kernels.sh builds
// wwwroot/kernels/gemm.wasm from this file; a test rebuilds it and compares the bytes).
//
// The module imports the .NET runtime's own memory and works in place on pinned .NET arrays: every pointer is an
// address in that memory. It must therefore never touch memory of its own: no stack frame, no data, no globals
// (the build script refuses a binary that reads or writes a global, which is how clang keeps its stack pointer).
//
// Exactness: every result has the bits LrLab.Core's InterpreterKernels give on the Mono interpreter in the same
// browser, because each output is computed by the same float operations in the same order; only the tiling (which
// outputs are computed together) differs, and the tiling does not change an output's operations:
//  - dot (C = act(A·Bᵀ + bias)): four lane sums s_l over p = l, l+4, ... below k rounded down to 4, each
//    s_l = s_l + a·b (a multiply then an add: WebAssembly has no fused multiply-add), then (s0 + s1) + (s2 + s3),
//    then the leftover p one by one, then + bias[j], then zero unless the sum is above zero (NaN included).
//  - axpy (C = op(A)·B): c = 0, then c = c + a·b for p = 0, 1, ..., k-1, whole vectors of columns or scalars.
// Clang keeps IEEE order without -ffast-math and has no fused operation to contract to.
#include <wasm_simd128.h>

static inline float finish(float sum, const float *bias, int j, int hasBias, int relu)
{
    if (hasBias)
        sum += bias[j];
    return relu && !(sum > 0) ? 0.0f : sum;
}

static inline float lane_sum(v128_t v)
{
    return (wasm_f32x4_extract_lane(v, 0) + wasm_f32x4_extract_lane(v, 1)) + (wasm_f32x4_extract_lane(v, 2) + wasm_f32x4_extract_lane(v, 3));
}

static inline v128_t madd(v128_t acc, v128_t x, v128_t y)
{
    return wasm_f32x4_add(acc, wasm_f32x4_mul(x, y));
}

static float dot_one(const float *x, const float *y, int k)
{
    v128_t acc = wasm_f32x4_splat(0.0f);
    int p = 0;
    for (; p + 4 <= k; p += 4)
        acc = madd(acc, wasm_v128_load(x + p), wasm_v128_load(y + p));
    float sum = lane_sum(acc);
    for (; p < k; p++)
        sum += x[p] * y[p];
    return sum;
}

// Two rows of A against four rows of B: 8 accumulators, 4 + 1 loaded vectors, within the 16 SIMD registers of
// x64 (a 4 × 4 tile spills and was slower in V8: 0.45 against 0.36 ms on the 64×128×784 forward product).
static void dot_tile(const float *a, const float *b, float *c, int n, int k, const float *bias, int hasBias, int relu)
{
    v128_t c00 = wasm_f32x4_splat(0.0f), c01 = c00, c02 = c00, c03 = c00, c10 = c00, c11 = c00, c12 = c00, c13 = c00;
    const float *a1 = a + k;
    int p = 0;
    for (; p + 4 <= k; p += 4)
    {
        v128_t y0 = wasm_v128_load(b + p);
        v128_t y1 = wasm_v128_load(b + k + p);
        v128_t y2 = wasm_v128_load(b + 2 * k + p);
        v128_t y3 = wasm_v128_load(b + 3 * k + p);
        v128_t x = wasm_v128_load(a + p);
        c00 = madd(c00, x, y0);
        c01 = madd(c01, x, y1);
        c02 = madd(c02, x, y2);
        c03 = madd(c03, x, y3);
        x = wasm_v128_load(a1 + p);
        c10 = madd(c10, x, y0);
        c11 = madd(c11, x, y1);
        c12 = madd(c12, x, y2);
        c13 = madd(c13, x, y3);
    }

    float s[8] = { lane_sum(c00), lane_sum(c01), lane_sum(c02), lane_sum(c03), lane_sum(c10), lane_sum(c11), lane_sum(c12), lane_sum(c13) };
#pragma clang loop unroll(full)
    for (int r = 0; r < 2; r++)
#pragma clang loop unroll(full)
        for (int t = 0; t < 4; t++)
        {
            float sum = s[4 * r + t];
            for (int q = p; q < k; q++)
                sum += a[r * k + q] * b[t * k + q];
            c[r * n + t] = finish(sum, bias, t, hasBias, relu);
        }
}

// C (m×n) = act(A·Bᵀ + bias), A m×k and B n×k row-major; bias is read only when hasBias.
__attribute__((export_name("dot")))
void dot(const float *a, const float *b, float *c, int m, int n, int k, const float *bias, int hasBias, int relu)
{
    int i = 0;
    for (; i + 2 <= m; i += 2)
    {
        int j = 0;
        for (; j + 4 <= n; j += 4)
            dot_tile(a + i * k, b + j * k, c + i * n + j, n, k, bias + j, hasBias, relu);
        for (; j < n; j++)
        {
            c[i * n + j] = finish(dot_one(a + i * k, b + j * k, k), bias, j, hasBias, relu);
            c[(i + 1) * n + j] = finish(dot_one(a + (i + 1) * k, b + j * k, k), bias, j, hasBias, relu);
        }
    }

    for (; i < m; i++)
        for (int j = 0; j < n; j++)
            c[i * n + j] = finish(dot_one(a + i * k, b + j * k, k), bias, j, hasBias, relu);
}

// Four rows of C, two vectors of columns: each B vector loaded feeds four multiply-adds, each A value splat two.
static void axpy_tile(const float *a, int aRow, int aCol, const float *b, float *c, int n, int k)
{
    v128_t c00 = wasm_f32x4_splat(0.0f), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
    for (int p = 0; p < k; p++)
    {
        v128_t y0 = wasm_v128_load(b);
        v128_t y1 = wasm_v128_load(b + 4);
        v128_t x = wasm_v128_load32_splat(a);
        c00 = madd(c00, x, y0);
        c01 = madd(c01, x, y1);
        x = wasm_v128_load32_splat(a + aRow);
        c10 = madd(c10, x, y0);
        c11 = madd(c11, x, y1);
        x = wasm_v128_load32_splat(a + 2 * aRow);
        c20 = madd(c20, x, y0);
        c21 = madd(c21, x, y1);
        x = wasm_v128_load32_splat(a + 3 * aRow);
        c30 = madd(c30, x, y0);
        c31 = madd(c31, x, y1);
        a += aCol;
        b += n;
    }

    wasm_v128_store(c, c00);
    wasm_v128_store(c + 4, c01);
    wasm_v128_store(c + n, c10);
    wasm_v128_store(c + n + 4, c11);
    wasm_v128_store(c + 2 * n, c20);
    wasm_v128_store(c + 2 * n + 4, c21);
    wasm_v128_store(c + 3 * n, c30);
    wasm_v128_store(c + 3 * n + 4, c31);
}

static void axpy_vector(const float *a, int aCol, const float *b, float *c, int n, int k)
{
    v128_t acc = wasm_f32x4_splat(0.0f);
    for (int p = 0; p < k; p++)
    {
        acc = madd(acc, wasm_v128_load32_splat(a), wasm_v128_load(b));
        a += aCol;
        b += n;
    }

    wasm_v128_store(c, acc);
}

// C (m×n) = op(A)·B with op(A)(i, p) = a[i·aRow + p·aCol] and B k×n row-major: A·B is (aRow, aCol) = (k, 1),
// Aᵀ·B with A stored k×m is (1, m).
__attribute__((export_name("axpy")))
void axpy(const float *a, int aRow, int aCol, const float *b, float *c, int m, int n, int k)
{
    int j = 0;
    for (; j + 8 <= n; j += 8)
    {
        int i = 0;
        for (; i + 4 <= m; i += 4)
            axpy_tile(a + i * aRow, aRow, aCol, b + j, c + i * n + j, n, k);
        for (; i < m; i++)
        {
            axpy_vector(a + i * aRow, aCol, b + j, c + i * n + j, n, k);
            axpy_vector(a + i * aRow, aCol, b + j + 4, c + i * n + j + 4, n, k);
        }
    }

    for (; j + 4 <= n; j += 4)
        for (int i = 0; i < m; i++)
            axpy_vector(a + i * aRow, aCol, b + j, c + i * n + j, n, k);
    for (; j < n; j++)
        for (int i = 0; i < m; i++)
        {
            float sum = 0.0f;
            for (int p = 0; p < k; p++)
                sum += a[i * aRow + p * aCol] * b[p * n + j];
            c[i * n + j] = sum;
        }
}
