using LrLab.Core;
using LrLab.Core.Training;

namespace LrLab.Web.Finder;

/// <summary>
/// Fetches the shipped digits for the finder and /edge alike and checks them (<see cref="DigitFile"/>: length and
/// SHA-256 after decompression). A missing file or a damaged one fails with one line naming the file.
/// </summary>
public static class DigitDownload
{
    /// <summary>Downloads <see cref="MnistFinderModel.DataPath"/> and reads it against <paramref name="expected"/>.</summary>
    /// <exception cref="InputException">The file is missing or is not the expected one.</exception>
    public static async Task<Dataset> LoadAsync(HttpClient http, DigitDigest expected, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(http);
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

        using var stream = new MemoryStream(bytes, writable: false);
        try
        {
            return DigitFile.Read(stream, expected);
        }
        catch (InputException e)
        {
            throw new InputException($"{MnistFinderModel.DataPath}: {e.Message}");
        }
    }
}
