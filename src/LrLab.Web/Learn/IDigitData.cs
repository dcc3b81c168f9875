using LrLab.Core.Training;

namespace LrLab.Web.Learn;

/// <summary>The MNIST digits, loaded once on first use (the finder's model shares the same download).</summary>
public interface IDigitData
{
    /// <summary>Loads the digits if needed and returns them.</summary>
    Task<Dataset> LoadDigitsAsync(CancellationToken cancellation);
}
