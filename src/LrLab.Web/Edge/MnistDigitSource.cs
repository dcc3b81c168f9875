using LrLab.Core.Training;
using LrLab.Web.Finder;

namespace LrLab.Web.Edge;

/// <summary>data/mnist.bin.gz (1.6 MB, checked once unpacked: <see cref="DigitFile"/>), fetched when the first run starts, never on page load.</summary>
public sealed class MnistDigitSource(HttpClient http) : IDigitSource
{
    private Samples? _train;

    /// <inheritdoc />
    public bool IsLoaded => _train is not null;

    /// <inheritdoc />
    public async Task<Samples> TrainAsync(CancellationToken cancellation)
    {
        if (_train is not null)
        {
            return _train;
        }

        _train = (await DigitDownload.LoadAsync(http, DigitFile.Shipped, cancellation).ConfigureAwait(true)).Train;
        return _train;
    }
}
