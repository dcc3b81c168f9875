using LrLab.Core.Training;

namespace LrLab.Web.Digits;

/// <summary>
/// The MNIST digits the site trains on: /finder's network, /edge's runs and the sanity-check lesson all ask this one
/// service, so the file is fetched and checked once per visit, on first use, never on page load.
/// </summary>
public interface IDigitData
{
    /// <summary>True once the digits are in memory.</summary>
    bool IsLoaded { get; }

    /// <summary>Loads the digits if needed (one download, however many pages ask) and returns them.</summary>
    /// <exception cref="LrLab.Core.InputException">The file is missing or damaged (one line naming it).</exception>
    Task<Dataset> LoadDigitsAsync(CancellationToken cancellation);
}
