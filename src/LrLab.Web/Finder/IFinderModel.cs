using LrLab.Core.Finder;

namespace LrLab.Web.Finder;

/// <summary>
/// The network the finder page trains: loaded once (the data is fetched lazily), then any number of fresh
/// copies, each with its own optimizer. The page depends on this interface only, so bUnit tests can swap
/// the MNIST network for a loss surface.
/// </summary>
public interface IFinderModel
{
    /// <summary>What is trained, in words (architecture and data; the page adds the batch size).</summary>
    string Description { get; }

    /// <summary>True once <see cref="LoadAsync"/> has finished.</summary>
    bool IsLoaded { get; }

    /// <summary>Fetches and decodes the data (a no-op after the first call).</summary>
    Task LoadAsync(CancellationToken cancellation);

    /// <summary>A freshly initialised network (seeded) with a fresh <paramref name="optimizer"/>, trained <paramref name="batchSize"/> samples at a time.</summary>
    IRangeTestTarget Create(string optimizer, int seed, int batchSize);

    /// <summary>Mini-batches of <paramref name="batchSize"/> in one pass over the training data.</summary>
    int StepsPerEpoch(int batchSize);

    /// <summary>Accuracy of <paramref name="target"/> (made by <see cref="Create"/>) on held-out data, or null if not available.</summary>
    double? TestAccuracy(IRangeTestTarget target);
}
