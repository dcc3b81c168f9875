using LrLab.Core.Optimizers;
using LrLab.Core.Surfaces;
using LrLab.Core.Sweep;
using LrLab.Core.Theory;

namespace LrLab.Web.Sweep;

/// <summary>A fixed-rate optimizer's lane: the Core <see cref="SweepRunner"/>.</summary>
public sealed class FixedRateLane(Surface surface, IOptimizer optimizer, SweepOptions options) : ISweepLane
{
    private readonly SweepRunner _runner = new(surface, optimizer, options);

    /// <inheritdoc />
    public string Name => optimizer.Name;

    /// <inheritdoc />
    public IReadOnlyList<double> Rates => _runner.Rates;

    /// <inheritdoc />
    public TheoryLines Theory { get; } = TheoryLines.From(RateTheory.For(surface, optimizer));

    /// <inheritdoc />
    public SweepRow Run(int index) => _runner.Run(index);

    /// <inheritdoc />
    public SweepResult Result(IReadOnlyList<SweepRow> rows) => _runner.Result(rows);
}
