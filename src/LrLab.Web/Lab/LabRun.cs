using LrLab.Core.LineSearch;
using LrLab.Core.Simulation;

namespace LrLab.Web.Lab;

/// <summary>
/// One raced run: an optimizer at a rate. It keeps the whole planned trajectory (so the verdict is known at once) and the
/// steps at which the slider changed its rate, so a change mid-run continues from the current point.
/// </summary>
public sealed class LabRun
{
    private readonly List<(int From, double Lr)> _segments;

    /// <summary>A run at a constant rate with <paramref name="setup"/>'s optimizer (see <see cref="LabSetup.For"/>).</summary>
    public LabRun(LabSetup setup, double lr, string color)
    {
        ArgumentNullException.ThrowIfNull(setup);
        _segments = [(0, lr)];
        Color = color;
        Setup = setup;
        Trajectory = Simulate(setup);
    }

    /// <summary>This run's setup: the shared one, with this run's optimizer and the hyperparameters it uses.</summary>
    public LabSetup Setup { get; }

    /// <summary>This run's optimizer (a factory name or <see cref="LabSimulation.LineSearch"/>).</summary>
    public string Optimizer => Setup.Optimizer;

    /// <summary>Line colour on the surface and chart.</summary>
    public string Color { get; }

    /// <summary>The rate the run uses now (the last one set).</summary>
    public double Lr => _segments[^1].Lr;

    /// <summary>Whether the rate was changed part-way.</summary>
    public bool Changed => _segments.Count > 1;

    /// <summary>Where the rate changed: (first update using it, rate).</summary>
    public IReadOnlyList<(int From, double Lr)> Segments => _segments;

    /// <summary>The full planned run and its verdict.</summary>
    public Trajectory Trajectory { get; private set; }

    /// <summary>The loss at every point (for the chart).</summary>
    public double[] Losses { get; private set; } = [];

    /// <summary>Index of the last point (the run ends early when the loss overflows).</summary>
    public int LastIndex => Trajectory.Steps.Count - 1;

    /// <summary>
    /// Change the rate. From step <paramref name="at"/> on (0 = the whole run) the new rate applies;
    /// the points before it do not move.
    /// </summary>
    public void SetRate(double lr, int at)
    {
        if (at <= 0)
        {
            _segments.Clear();
            _segments.Add((0, lr));
        }
        else
        {
            _segments.RemoveAll(s => s.From >= at);
            _segments.Add((at, lr));
        }

        Trajectory = Simulate(Setup);
    }

    /// <summary>Start again at the current rate.</summary>
    public void Restart()
    {
        var lr = Lr;
        _segments.Clear();
        _segments.Add((0, lr));
        Trajectory = Simulate(Setup);
    }

    /// <summary>
    /// The line search of update <paramref name="step"/> (1-based): its probes and the step it committed. Null for
    /// fixed-rate optimizers and past the end of the run.
    /// </summary>
    public ArmijoStep? SearchOf(int step) => Trajectory.LineSearch is { } searches && step >= 1 && step <= searches.Count ? searches[step - 1] : null;

    /// <summary>The rate update <paramref name="step"/> (1-based) used.</summary>
    public double RateOfUpdate(int step) => Trajectory.Steps[Math.Clamp(step - 1, 0, LastIndex)].Lr;

    private Trajectory Simulate(LabSetup setup)
    {
        var trajectory = RunSimulation(setup);
        Losses = [.. trajectory.Steps.Select(p => p.Loss)];
        return trajectory;
    }

    private Trajectory RunSimulation(LabSetup setup)
    {
        var options = new SimulationOptions
        {
            Steps = setup.Steps,
            Start = setup.Start,
            BatchSize = setup.BatchSize,
            Seed = setup.Seed,
            MetricSchedule = setup.Schedule?.MetricSchedule,
            Schedule = setup.Schedule?.MetricSchedule is null && (_segments.Count > 1 || setup.Schedule is not null)
                ? new RateSegments([.. _segments], setup.Schedule?.Schedule)
                : null,
        };
        return LabSimulation.Run(setup.Surface, setup.Optimizer, setup.Options, setup.Armijo, Lr, options);
    }
}
