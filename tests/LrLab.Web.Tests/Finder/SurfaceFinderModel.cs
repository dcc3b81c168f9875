using LrLab.Core.Finder;
using LrLab.Core.Optimizers;
using LrLab.Core.Surfaces;
using LrLab.Web.Finder;

namespace LrLab.Web.Tests.Finder;

/// <summary>A stand-in for the MNIST network: the noisy bowl, instantly "loaded".</summary>
internal sealed class SurfaceFinderModel(string surface = "noisy-bowl") : IFinderModel
{
    public int Loads { get; private set; }

    public List<(string Optimizer, int Seed, int BatchSize)> Created { get; } = [];

    public string Description => surface;

    public bool IsLoaded => Loads > 0;

    /// <summary>When set, loading waits for it (to see the page while a test is under way).</summary>
    public TaskCompletionSource? Gate { get; set; }

    public Task LoadAsync(CancellationToken cancellation)
    {
        Loads++;
        return Gate?.Task ?? Task.CompletedTask;
    }

    public IRangeTestTarget Create(string optimizer, int seed, int batchSize)
    {
        Created.Add((optimizer, seed, batchSize));
        return new SurfaceRangeTestTarget(SurfaceCatalog.Resolve(surface), OptimizerFactory.Create(optimizer, new OptimizerOptions()), batchSize: batchSize, seed: seed);
    }

    public int StepsPerEpoch(int batchSize) => 2000 / batchSize;

    public double? TestAccuracy(IRangeTestTarget target) => 0.5;
}
