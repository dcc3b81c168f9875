using System.Globalization;
using LrLab.Core.Finder;
using LrLab.Core.Optimizers;
using LrLab.Core.Training;
using LrLab.Web.Digits;

namespace LrLab.Web.Finder;

/// <summary>
/// The MNIST network in the browser, on the site's one copy of the digits (<see cref="IDigitData"/>: fetched the first
/// time a test or a training runs, never on page load, and checked before anything trains on it). The browser runs
/// .NET on the Mono interpreter; with the engine's Vector128 kernels for it a 784-<see cref="Hidden"/>-10 step at batch
/// 64 takes tens of milliseconds, so the page uses the CLI's default network (docs/benchmarks.md has the timings).
/// </summary>
/// <param name="digits">The site's digits.</param>
/// <param name="kernels">The network's matrix products (the site's WebAssembly kernels when they loaded); null = the managed ones.</param>
public sealed class MnistFinderModel(IDigitData digits, IMatrixKernels? kernels = null) : IFinderModel
{
    /// <summary>Hidden units of the browser's network: the CLI's default, so both test the same network.</summary>
    public const int Hidden = 128;

    private Dataset? _data;

    /// <inheritdoc />
    public string Description => string.Create(CultureInfo.InvariantCulture, $"a 784-{Hidden}-10 network (ReLU) on 8,000 MNIST digits");

    /// <inheritdoc />
    public bool IsLoaded => _data is not null;

    /// <inheritdoc />
    public async Task LoadAsync(CancellationToken cancellation)
    {
        _data ??= await digits.LoadDigitsAsync(cancellation).ConfigureAwait(true);
    }

    /// <inheritdoc />
    public IRangeTestTarget Create(string optimizer, int seed, int batchSize)
    {
        var data = _data ?? throw new InvalidOperationException("the digits are not loaded yet");
        return MlpRangeTestTarget.Create(data, OptimizerFactory.Create(optimizer, new OptimizerOptions()), Hidden, batchSize, seed, kernels: kernels);
    }

    /// <inheritdoc />
    public int StepsPerEpoch(int batchSize)
    {
        var samples = _data?.Train.Count ?? DigitFile.ShippedTrainSamples;
        return (samples + batchSize - 1) / batchSize;
    }

    /// <inheritdoc />
    public double? TestAccuracy(IRangeTestTarget target) => target is MlpRangeTestTarget mlp ? mlp.Evaluate().Accuracy : null;
}
