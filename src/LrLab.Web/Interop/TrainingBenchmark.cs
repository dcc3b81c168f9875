using System.Globalization;
using System.Runtime.InteropServices.JavaScript;
using System.Runtime.Versioning;
using LrLab.Core.Optimizers;
using LrLab.Core.Training;

namespace LrLab.Web.Interop;

/// <summary>
/// The hook bench/tfjs_browser.sh calls (through <c>getAssemblyExports</c>) to time this engine's MLP training in
/// the browser beside TensorFlow.js in the same chromium. No page uses it: it trains in one go on the calling
/// thread, which a page must never do (the range test runs in slices between frames).
/// </summary>
[SupportedOSPlatform("browser")]
public static partial class TrainingBenchmark
{
    private static readonly HttpClient _http = new();

    /// <summary>
    /// Trains a 784-<paramref name="hidden"/>-10 network on the shipped digits at <paramref name="dataUrl"/>:
    /// <paramref name="warmup"/> steps, then <paramref name="steps"/> timed steps; JSON with samples/s and losses.
    /// The products run on the kernels the site's pages use (the WebAssembly module if it loads; the site is the
    /// folder above data/).
    /// </summary>
    [JSExport]
    public static async Task<string> RunAsync(string dataUrl, string optimizer, double lr, int hidden, int batch, int warmup, int steps)
    {
        var kernels = await WasmMatrixKernels.LoadAsync(new Uri(new Uri(dataUrl), "..")).ConfigureAwait(true);
        var bytes = await _http.GetByteArrayAsync(new Uri(dataUrl)).ConfigureAwait(true);
        var data = DigitFile.Read(new MemoryStream(bytes, writable: false));
        TrainingResult Train(int count) => MlpTraining.Run(data, new TrainingOptions
        {
            Optimizer = OptimizerFactory.Create(optimizer, new OptimizerOptions { Lr = lr }),
            Hidden = hidden,
            BatchSize = batch,
            Steps = count,
            Seed = 1,
            Kernels = kernels,
        });

        Train(warmup);
        var timed = Train(steps);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"backend\":\"lrlab\",\"kernels\":\"{kernels.GetType().Name}\",\"samplesPerSecond\":{timed.SamplesPerSecond:R},\"steps\":{steps},\"firstLoss\":{timed.Losses[0]:R},\"lastLoss\":{timed.Losses[^1]:R}}}");
    }

    /// <summary>
    /// Milliseconds per call of each part of a batch-64 784-128-10 step (best of <paramref name="repeats"/>), as JSON:
    /// the products on the managed kernels and (the <c>wasm</c> parts, when <see cref="RunAsync"/> loaded them) on the
    /// WebAssembly ones, whole steps on the WebAssembly kernels.
    /// </summary>
    [JSExport]
    public static async Task<string> ProfileAsync(string siteUrl, int repeats)
    {
        var kernels = await WasmMatrixKernels.LoadAsync(new Uri(siteUrl)).ConfigureAwait(true);
        const int m = 64, h = 128, k = 784, o = 10;
        var random = new Random(1);
        float[] Fill(int n)
        {
            var v = new float[n];
            for (var i = 0; i < v.Length; i++)
            {
                v[i] = random.NextSingle() - 0.5f;
            }

            return v;
        }

        float[] x = Fill(m * k), w1 = Fill(h * k), b1 = Fill(h), hid = new float[m * h], dz = Fill(m * h), dw1 = new float[h * k];
        float[] w2 = Fill(o * h), b2 = Fill(o), logits = new float[m * o], dz2 = Fill(m * o), dh = new float[m * h], dw2 = new float[o * h];
        float[] p = Fill((h * k) + h + (o * h) + o), g = Fill(p.Length), sums = new float[h];
        var labels = new byte[m];
        for (var i = 0; i < m; i++)
        {
            labels[i] = (byte)(i % o);
        }

        var sgd = OptimizerFactory.Create("sgd", new OptimizerOptions { Lr = 0.1 });
        var state = sgd.Init<float>(p.Length);
        var data = new Samples(Fill(512 * k), [.. Enumerable.Range(0, 512).Select(i => (byte)(i % o))], k);
        using var mlp = new Mlp(k, h, o, m, kernels: kernels);
        mlp.Initialize(new Random(1));
        var trainer = new Trainer(mlp, data, sgd, m, new Random(1));
        var batch = new float[m * k];
        var order = new int[DigitFile.ShippedTrainSamples];
        double Time(Action action)
        {
            action();
            var best = double.PositiveInfinity;
            for (var r = 0; r < repeats; r++)
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                action();
                best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
            }

            return best;
        }

        var parts = new (string Name, double Ms)[]
        {
            ("forwardMs", Time(() => Gemm.MultiplyTransposeB(x, w1, hid, m, h, k, b1, relu: true))),
            ("outputMs", Time(() => Gemm.MultiplyTransposeB(hid, w2, logits, m, o, h, b2))),
            ("softmaxMs", Time(() => SoftmaxCrossEntropy.LossAndGradient(dz2.AsSpan(), labels, o))),
            ("outputGradMs", Time(() => Gemm.MultiplyTransposeA(dz2, hid, dw2, o, h, m))),
            ("hiddenGradMs", Time(() => Gemm.Multiply(dz2, w2, dh, m, h, o))),
            ("weightGradMs", Time(() => Gemm.MultiplyTransposeA(dz, x, dw1, h, k, m))),
            ("wasmForwardMs", Time(() => kernels.MultiplyTransposeB(x, w1, hid, m, h, k, b1, true))),
            ("wasmOutputMs", Time(() => kernels.MultiplyTransposeB(hid, w2, logits, m, o, h, b2, false))),
            ("wasmOutputGradMs", Time(() => kernels.MultiplyTransposeA(dz2, hid, dw2, o, h, m))),
            ("wasmHiddenGradMs", Time(() => kernels.Multiply(dz2, w2, dh, m, h, o))),
            ("wasmWeightGradMs", Time(() => kernels.MultiplyTransposeA(dz, x, dw1, h, k, m))),
            ("columnSumsMs", Time(() =>
            {
                for (var i = 0; i < m; i++)
                {
                    System.Numerics.Tensors.TensorPrimitives.Add(sums, dz.AsSpan(i * h, h), sums);
                }
            })),
            ("sgdUpdateMs", Time(() => sgd.Step<float>(p, g, state, 0.1))),
            ("forwardBackwardMs", Time(() => mlp.ForwardBackward(x, labels))),
            ("trainerStepMs", Time(() => trainer.Step(0.01))),
            ("gatherSpanMs", Time(() =>
            {
                var inputs = data.Inputs.AsSpan();
                for (var r = 0; r < m; r++)
                {
                    var index = (r * 7) % 512;
                    inputs.Slice(index * k, k).CopyTo(batch.AsSpan(r * k, k));
                }
            })),
            ("gatherArrayCopyMs", Time(() =>
            {
                for (var r = 0; r < m; r++)
                {
                    Array.Copy(data.Inputs, ((r * 7) % 512) * k, batch, r * k, k);
                }
            })),
            ("shuffleMs", Time(() => BatchOrder.Shuffle(order, 12345, 3))),
            ("sgdInterfaceStepMs", Time(() => sgd.Step<float>(mlp.Parameters, mlp.Gradients, state, 0.01))),
        };
        return "{" + string.Join(",", parts.Select(part => string.Create(CultureInfo.InvariantCulture, $"\"{part.Name}\":{part.Ms:F3}"))) + "}";
    }
}
