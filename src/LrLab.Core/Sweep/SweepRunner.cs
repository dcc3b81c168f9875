using LrLab.Core.Optimizers;
using LrLab.Core.Simulation;
using LrLab.Core.Surfaces;

namespace LrLab.Core.Sweep;

/// <summary>
/// A sweep one rate at a time, for callers that spread the work out (the browser computes a few rates per frame so
/// the page stays responsive). Rows are identical to <see cref="Sweeper.Run(Surface, StepRule, SweepOptions?)"/>'s. Not thread-safe: one runner per thread.
/// </summary>
public sealed class SweepRunner
{
    private readonly Surface _surface;
    private readonly StepRule _rule;
    private readonly SweepOptions _options;
    private readonly double[] _start;
    private readonly SweepScratch _scratch;
    private readonly RateLanes? _lanes;

    /// <summary>Checks the options and prepares the buffers.</summary>
    /// <exception cref="InputException">Bad rates, count, steps, start or batch size.</exception>
    public SweepRunner(Surface surface, IOptimizer optimizer, SweepOptions options)
        : this(surface, new OptimizerRule(optimizer), options)
    {
    }

    /// <summary>Checks the options and prepares the buffers for <paramref name="rule"/> (an optimizer or line search).</summary>
    /// <exception cref="InputException">Bad rates, count, steps, start or batch size.</exception>
    public SweepRunner(Surface surface, StepRule rule, SweepOptions options)
    {
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(options);
        Rates = Sweeper.LogSpace(options.LrMin, options.LrMax, options.Count);
        _start = Sweeper.Validate(surface, options);
        (_surface, _rule, _options) = (surface, rule, options);
        _scratch = new SweepScratch(options.Steps, _start.Length);
        _lanes = rule is OptimizerRule { Optimizer: var optimizer } && RateLanes.Supports(surface, options) ? new RateLanes(surface, optimizer, options, _start, MaxLanes) : null;
    }

    /// <summary>Most rates <see cref="RunMany"/> advances together.</summary>
    public const int MaxLanes = 32;

    /// <summary>The rule's name (<c>sgd</c>, <c>linesearch</c>, …).</summary>
    public string Name => _rule.Name;

    /// <summary>The theory lines of the rule on the surface.</summary>
    public TheoryLines Theory => TheoryLines.From(_rule.Theory(_surface));

    /// <summary>The rates, in increasing order.</summary>
    public IReadOnlyList<double> Rates { get; }

    /// <summary>Runs rate number <paramref name="index"/>.</summary>
    public SweepRow Run(int index) => Sweeper.RunOne(_surface, _rule, Rates[index], _options, _start, _scratch);

    /// <summary>
    /// Runs the rates numbered <paramref name="indices"/> (any order, at most <see cref="MaxLanes"/>), together when
    /// the surface and options allow it (any optimizer, no schedule, no noise; not line search): the same rows as
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
    public SweepResult Result(IReadOnlyList<SweepRow> rows) => Sweeper.Summarize(_surface, _rule, _options.Steps, rows);
}
