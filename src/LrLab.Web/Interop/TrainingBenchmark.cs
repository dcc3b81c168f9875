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
    /// </summary>
    [JSExport]
    public static async Task<string> RunAsync(string dataUrl, string optimizer, double lr, int hidden, int batch, int warmup, int steps)
    {
        var bytes = await _http.GetByteArrayAsync(new Uri(dataUrl)).ConfigureAwait(true);
        var data = DigitFile.Read(new MemoryStream(bytes, writable: false));
        TrainingResult Train(int count) => MlpTraining.Run(data, new TrainingOptions
        {
            Optimizer = OptimizerFactory.Create(optimizer, new OptimizerOptions { Lr = lr }),
            Hidden = hidden,
            BatchSize = batch,
            Steps = count,
            Seed = 1,
        });

        Train(warmup);
        var timed = Train(steps);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"backend\":\"lrlab\",\"samplesPerSecond\":{timed.SamplesPerSecond:R},\"steps\":{steps},\"firstLoss\":{timed.Losses[0]:R},\"lastLoss\":{timed.Losses[^1]:R}}}");
    }
}
