using LrLab.Core;
using LrLab.Core.Training;
using LrLab.Web.Finder;

namespace LrLab.Web.Edge;

/// <summary>data/mnist.bin (7.5 MB), fetched when the first run starts, never on page load.</summary>
public sealed class MnistDigitSource(HttpClient http, DataFileCheck? expected = null) : IDigitSource
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

        byte[] bytes;
        try
        {
            bytes = await http.GetByteArrayAsync(new Uri(MnistFinderModel.DataPath, UriKind.Relative), cancellation).ConfigureAwait(true);
        }
        catch (HttpRequestException e)
        {
            var status = e.StatusCode is { } code ? $"HTTP {(int)code}" : "no answer";
            throw new InputException($"{MnistFinderModel.DataPath} could not be loaded ({status}): the digits are missing from this copy of the site");
        }

        // The same check as the finder's: length and SHA-256 before any training.
        _train = MnistData.Load(bytes, expected ?? DataFileCheck.Digits).Train;
        return _train;
    }
}
