using LrLab.Core.Optimizers;
using LrLab.Core.Surfaces;

namespace LrLab.Core.Sweep;

/// <summary>
/// A sweep one rate at a time, for callers that spread the work out (the browser computes a few rates per frame so
/// the page stays responsive). Rows are identical to <see cref="Sweeper.Run"/>'s. Not thread-safe: one runner per thread.
/// </summary>
public sealed class SweepRunner
{
    private readonly Surface _surface;
    private readonly IOptimizer _optimizer;
    private readonly SweepOptions _options;
    private readonly double[] _start;
    private readonly SweepScratch _scratch;
    private readonly SgdLanes? _lanes;

    /// <summary>Checks the options and prepares the buffers.</summary>
    /// <exception cref="InputException">Bad rates, count, steps, start or batch size.</exception>
    public SweepRunner(Surface surface, IOptimizer optimizer, SweepOptions options)
    {
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(options);
        Rates = Sweeper.LogSpace(options.LrMin, options.LrMax, options.Count);
        _start = Sweeper.Validate(surface, options);
        (_surface, _optimizer, _options) = (surface, optimizer, options);
        _scratch = new SweepScratch(options.Steps, _start.Length);
        _lanes = SgdLanes.Supports(surface, optimizer, options) ? new SgdLanes(surface, (Sgd)optimizer, options, _start, MaxLanes) : null;
    }

    /// <summary>Most rates <see cref="RunMany"/> advances together.</summary>
    public const int MaxLanes = 32;

    /// <summary>The rates, in increasing order.</summary>
    public IReadOnlyList<double> Rates { get; }

    /// <summary>Runs rate number <paramref name="index"/>.</summary>
    public SweepRow Run(int index) => Sweeper.RunOne(_surface, _optimizer, Rates[index], _options, _start, _scratch);

    /// <summary>
    /// Runs the rates numbered <paramref name="indices"/> (any order, at most <see cref="MaxLanes"/>), together when
    /// the optimizer and surface allow it (plain or momentum SGD, no schedule, no noise): the same rows as
    /// <see cref="Run"/> one by one, with far fewer calls per step.
    /// </summary>
    public void RunMany(ReadOnlySpan<int> indices, Span<SweepRow> rows)
    {
        if (indices.Length > MaxLanes || rows.Length < indices.Length)
        {
            throw new ArgumentException($"at most {MaxLanes} rates, and a row for each");
        }

        if (_lanes is null || indices.Length == 1)
        {
            for (var i = 0; i < indices.Length; i++)
            {
                rows[i] = Run(indices[i]);
            }

            return;
        }

        Span<double> rates = stackalloc double[indices.Length];
        for (var i = 0; i < indices.Length; i++)
        {
            rates[i] = Rates[indices[i]];
        }

        _lanes.Run(rates, rows);
    }

    /// <summary>The sweep result from rows computed for every rate (in rate order).</summary>
    public SweepResult Result(IReadOnlyList<SweepRow> rows) => Sweeper.Summarize(_surface, _optimizer, _options.Steps, rows);
}
