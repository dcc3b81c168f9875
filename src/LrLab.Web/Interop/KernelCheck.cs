using System.Globalization;
using System.Runtime.InteropServices.JavaScript;
using System.Runtime.Versioning;
using LrLab.Core.Optimizers;
using LrLab.Core.Training;

namespace LrLab.Web.Interop;

/// <summary>
/// The hook the browser tests call (through <c>getAssemblyExports</c>) to compare the site's WebAssembly kernels with
/// the managed ones bit for bit, in the browser where both run: the three products over many shapes, and a short
/// training run on each. No page uses it.
/// </summary>
[SupportedOSPlatform("browser")]
public static partial class KernelCheck
{
    private static readonly HttpClient _http = new();

    /// <summary>
    /// Every product on random operands (seeded by <paramref name="seed"/>) over shapes that are and are not
    /// multiples of the tiles, with and without bias and ReLU; JSON with the kernels' type, the number of products
    /// compared and the first few that differ in any bit.
    /// </summary>
    [JSExport]
    public static async Task<string> ProductsAsync(string siteUrl, int seed)
    {
        var wasm = await WasmMatrixKernels.LoadAsync(new Uri(siteUrl)).ConfigureAwait(true);
        var managed = ManagedMatrixKernels.Instance;
        var random = new Random(seed);
        int[] sizes = [1, 2, 3, 4, 5, 7, 8, 9, 13, 16, 17, 31, 33];
        var shapes = new List<(int M, int N, int K)> { (64, 128, 784), (64, 10, 128), (10, 128, 64), (64, 128, 10), (128, 784, 64), (300, 128, 784), (128, 300, 10) };
        for (var s = 0; s < 60; s++)
        {
            shapes.Add((sizes[random.Next(sizes.Length)], sizes[random.Next(sizes.Length)], sizes[random.Next(sizes.Length)]));
        }

        shapes.AddRange([(5, 7, 0), (0, 3, 4), (6, 9, 1), (1, 1, 1)]);
        var compared = 0;
        var differences = new List<string>();
        foreach (var (m, n, k) in shapes)
        {
            float[] a = Fill(random, m * k), b = Fill(random, n * k), bias = Fill(random, n);
            float[] bk = Fill(random, k * n), am = Fill(random, k * m);
            foreach (var (hasBias, relu) in new[] { (false, false), (true, false), (false, true), (true, true) })
            {
                Compare($"A·Bᵀ {m}×{n}×{k} bias {hasBias} relu {relu}", m * n, (kernels, c) => kernels.MultiplyTransposeB(a, b, c, m, n, k, hasBias ? bias : default, relu));
            }

            Compare($"A·B {m}×{n}×{k}", m * n, (kernels, c) => kernels.Multiply(a, bk, c, m, n, k));
            Compare($"Aᵀ·B {m}×{n}×{k}", m * n, (kernels, c) => kernels.MultiplyTransposeA(am, bk, c, m, n, k));
        }

        return string.Create(CultureInfo.InvariantCulture, $"{{\"kernels\":\"{wasm.GetType().Name}\",\"compared\":{compared},\"differences\":[{string.Join(",", differences.Take(5).Select(d => "\"" + d + "\""))}],\"differing\":{differences.Count}}}");

        void Compare(string name, int size, Action<IMatrixKernels, float[]> product)
        {
            // Both outputs start full of garbage: a kernel must write every element, never accumulate into C.
            var expected = Fill(random, size);
            var actual = Fill(random, size);
            product(managed, expected);
            product(wasm, actual);
            compared++;
            for (var i = 0; i < size; i++)
            {
                if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]))
                {
                    differences.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: element {i} {expected[i]:R} (managed) vs {actual[i]:R}"));
                    return;
                }
            }
        }
    }

    /// <summary>
    /// <paramref name="steps"/> SGD steps of the 784-128-10 network on the shipped digits at <paramref name="dataUrl"/>
    /// (the site is the folder above data/), once on each kernels; JSON with whether every loss and every final
    /// weight has the same bits.
    /// </summary>
    [JSExport]
    public static async Task<string> TrainingAsync(string dataUrl, int steps)
    {
        var wasm = await WasmMatrixKernels.LoadAsync(new Uri(new Uri(dataUrl), "..")).ConfigureAwait(true);
        var bytes = await _http.GetByteArrayAsync(new Uri(dataUrl)).ConfigureAwait(true);
        var data = DigitFile.Read(new MemoryStream(bytes, writable: false));
        (float[] Losses, float[] Weights) Train(IMatrixKernels kernels)
        {
            using var model = new Mlp(data.Features, TrainingOptions.DefaultHidden, data.Classes, TrainingOptions.DefaultBatchSize, kernels: kernels);
            var random = new Random(3);
            model.Initialize(random);
            var trainer = new Trainer(model, data.Train, new Sgd(new OptimizerOptions { Lr = 0.1, Momentum = 0.9 }), TrainingOptions.DefaultBatchSize, random);
            var losses = new float[steps];
            for (var s = 0; s < steps; s++)
            {
                losses[s] = trainer.Step(0.1);
            }

            return (losses, [.. model.Parameters]);
        }

        var (managedLosses, managedWeights) = Train(ManagedMatrixKernels.Instance);
        var (wasmLosses, wasmWeights) = Train(wasm);
        static bool Same(float[] x, float[] y) => x.AsSpan().SequenceEqual(y);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"kernels\":\"{wasm.GetType().Name}\",\"sameLosses\":{(Same(managedLosses, wasmLosses) ? "true" : "false")},\"sameWeights\":{(Same(managedWeights, wasmWeights) ? "true" : "false")},\"firstLoss\":{managedLosses[0]:R},\"lastLoss\":{managedLosses[^1]:R}}}");
    }

    private static float[] Fill(Random random, int size)
    {
        var values = new float[size];
        for (var i = 0; i < size; i++)
        {
            // Mostly ordinary values, a few exact zeros and negative zeros (the ReLU's edge), some large and tiny.
            values[i] = random.Next(20) switch
            {
                0 => 0f,
                1 => -0f,
                2 => (random.NextSingle() - 0.5f) * 1e6f,
                3 => (random.NextSingle() - 0.5f) * 1e-6f,
                _ => random.NextSingle() - 0.5f,
            };
        }

        return values;
    }
}
