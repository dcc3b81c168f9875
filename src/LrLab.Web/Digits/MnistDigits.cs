using LrLab.Core;
using LrLab.Core.Training;

namespace LrLab.Web.Digits;

/// <summary>
/// <c>data/mnist.bin.gz</c> (1.6 MB, 7.85 MB unpacked), fetched the first time any page needs the digits and checked
/// (<see cref="DigitFile"/>: length and SHA-256 after decompression) before anything trains on it. Callers that ask
/// while the download runs share it; one that gives up (its cancellation) leaves it running for the others; a failed
/// download is tried again on the next request. A missing or damaged file fails with one line naming the file.
/// </summary>
/// <param name="http">A client whose base address is the site's.</param>
/// <param name="expected">The digest the file must have (tests hand in a small file's); by default the shipped file's.</param>
public sealed class MnistDigits(HttpClient http, DigitDigest? expected = null) : IDigitData
{
    /// <summary>Where the data is served, relative to the app's base address.</summary>
    public const string DataPath = "data/" + MnistData.FileName;

    private readonly Lock _gate = new();
    private Task<Dataset>? _loading;
    private Dataset? _data;

    /// <summary>How many downloads were started (one per visit unless one failed).</summary>
    public int Downloads { get; private set; }

    /// <inheritdoc />
    public bool IsLoaded => _data is not null;

    /// <inheritdoc />
    public async Task<Dataset> LoadDigitsAsync(CancellationToken cancellation)
    {
        if (_data is { } data)
        {
            return data;
        }

        Task<Dataset> loading;
        lock (_gate)
        {
            if (_loading is null)
            {
                Downloads++;
                _loading = DownloadAsync(http, expected ?? DigitFile.Shipped);
            }

            loading = _loading;
        }

        try
        {
            _data = await loading.WaitAsync(cancellation).ConfigureAwait(true);
            return _data;
        }
        catch (Exception) when (loading.IsFaulted || loading.IsCanceled)
        {
            lock (_gate)
            {
                if (_loading == loading)
                {
                    _loading = null;
                }
            }

            throw;
        }
    }

    private static async Task<Dataset> DownloadAsync(HttpClient http, DigitDigest expected)
    {
        byte[] bytes;
        try
        {
            bytes = await http.GetByteArrayAsync(new Uri(DataPath, UriKind.Relative)).ConfigureAwait(true);
        }
        catch (HttpRequestException e)
        {
            var status = e.StatusCode is { } code ? $"HTTP {(int)code}" : "no answer";
            throw new InputException($"{DataPath} could not be loaded ({status}): the digits are missing from this copy of the site");
        }

        using var stream = new MemoryStream(bytes, writable: false);
        try
        {
            return DigitFile.Read(stream, expected);
        }
        catch (InputException e)
        {
            throw new InputException($"{DataPath}: {e.Message}");
        }
    }
}
