using LrLab.Core.Training;

namespace LrLab.Web.Edge;

/// <summary>The training digits, fetched once on first use; behind an interface so bUnit tests can hand in a tiny set.</summary>
public interface IDigitSource
{
    /// <summary>True once the digits are in memory.</summary>
    bool IsLoaded { get; }

    /// <summary>The training digits (fetched the first time).</summary>
    Task<Samples> TrainAsync(CancellationToken cancellation);
}
