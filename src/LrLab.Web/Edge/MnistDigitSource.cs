using LrLab.Core.Training;
using LrLab.Web.Finder;

namespace LrLab.Web.Edge;

/// <summary>data/mnist.bin (7.5 MB), fetched when the first run starts, never on page load.</summary>
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

        var bytes = await http.GetByteArrayAsync(new Uri(MnistFinderModel.DataPath, UriKind.Relative), cancellation).ConfigureAwait(true);
        using var stream = new MemoryStream(bytes, writable: false);
        _train = MnistData.Read(stream).Train;
        return _train;
    }
}
