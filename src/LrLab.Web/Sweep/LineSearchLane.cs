using LrLab.Core.LineSearch;
using LrLab.Core.Optimizers;
using LrLab.Core.Simulation;
using LrLab.Core.Surfaces;
using LrLab.Core.Sweep;
using LrLab.Core.Theory;
using LrLab.Web.Lab;

namespace LrLab.Web.Sweep;

/// <summary>
/// Backtracking line search swept over its first trial step α₀. Each rate is a whole
/// <see cref="BacktrackingLineSearch.Run"/>, judged as usual. The theory lines are plain gradient descent's: they mark
/// where a fixed rate would oscillate or diverge, which the search's curve need not follow.
/// </summary>
public sealed class LineSearchLane : ISweepLane
{
    private readonly Surface _surface;
    private readonly ArmijoOptions _armijo;
    private readonly SimulationOptions _simulation;
    private readonly double[] _rates;

    /// <summary>Checks the options (as the fixed-rate sweep does) and prepares the rates.</summary>
    /// <exception cref="LrLab.Core.InputException">Bad rates, count, steps, start, batch size or Armijo parameters.</exception>
    public LineSearchLane(Surface surface, ArmijoOptions armijo, SweepOptions options)
    {
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentNullException.ThrowIfNull(armijo);
        ArgumentNullException.ThrowIfNull(options);

        // The fixed-rate runner validates the shared options and yields the same rates.
        var check = new SweepRunner(surface, new Sgd(new OptimizerOptions()), options);
        _rates = [.. check.Rates];
        _surface = surface;
        _armijo = armijo.Validate();
        _simulation = new SimulationOptions { Steps = options.Steps, Start = options.Start, Schedule = options.Schedule, BatchSize = options.BatchSize, Seed = options.Seed };
        Theory = TheoryLines.From(RateTheory.LineSearch(surface.Curvature, LabSimulation.LineSearch));
    }

    /// <inheritdoc />
    public string Name => LabSimulation.LineSearch;

    /// <inheritdoc />
    public IReadOnlyList<double> Rates => _rates;

    /// <inheritdoc />
    public TheoryLines Theory { get; }

    /// <inheritdoc />
    public SweepRow Run(int index)
    {
        var run = BacktrackingLineSearch.Run(_surface, _rates[index], _armijo, _simulation);
        return new SweepRow(_rates[index], run.FinalLoss, run.StepsToConverge, run.Verdict, run.Pattern);
    }

    /// <inheritdoc />
    public SweepResult Result(IReadOnlyList<SweepRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new SweepResult(_surface.Name, Name, _simulation.Steps, rows, Sweeper.DivergenceLimit(rows), Sweeper.BestLr(rows), Sweeper.Bands(rows), Theory);
    }
}
