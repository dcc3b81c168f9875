using System.Globalization;
using LrLab.Core.Optimizers;
using LrLab.Core.Plotting;
using LrLab.Core.Simulation;
using LrLab.Core.Surfaces;
using LrLab.Core.Theory;
using LrLab.Web.Lab;

namespace LrLab.Web.Learn;

/// <summary>
/// Heavy ball (or PyTorch's Nesterov) and plain gradient descent at the same rate on one surface, with the limits
/// Core's theory gives for them and the charts the momentum explorer draws. Pure, so tests can check it.
/// </summary>
public sealed class MomentumRuns
{
    /// <summary>Updates per run.</summary>
    public const int Steps = 200;

    private MomentumRuns(Surface surface, double lr, double beta, bool nesterov, Trajectory run, Trajectory plain, RateTheory? theory)
    {
        Surface = surface;
        Lr = lr;
        Beta = beta;
        Nesterov = nesterov;
        Run = run;
        Plain = plain;
        Limit = theory?.StabilityLimit ?? double.NaN;
        PlainLimit = theory?.GradientDescentLimit ?? double.NaN;
        EffectiveRate = MomentumTheory.EffectiveRate(lr, beta);
    }

    /// <summary>The surface.</summary>
    public Surface Surface { get; }

    /// <summary>α.</summary>
    public double Lr { get; }

    /// <summary>β.</summary>
    public double Beta { get; }

    /// <summary>PyTorch's Nesterov form instead of heavy ball.</summary>
    public bool Nesterov { get; }

    /// <summary>The momentum run.</summary>
    public Trajectory Run { get; }

    /// <summary>Plain gradient descent at the same α.</summary>
    public Trajectory Plain { get; }

    /// <summary>The momentum run's stability limit from Core's theory.</summary>
    public double Limit { get; }

    /// <summary>2/λmax.</summary>
    public double PlainLimit { get; }

    /// <summary>α/(1 − β).</summary>
    public double EffectiveRate { get; }

    /// <summary>Largest x the momentum run reaches (the start is at negative x, the minimum at 0).</summary>
    public double Swing => MaxX(Run);

    /// <summary>Largest x plain descent reaches.</summary>
    public double PlainSwing => MaxX(Plain);

    /// <summary>Runs both at (<paramref name="lr"/>, <paramref name="beta"/>) on the named surface.</summary>
    public static MomentumRuns Compute(string surface, double lr, double beta, bool nesterov)
    {
        var s = SurfaceCatalog.Find(surface) ?? throw new ArgumentException($"unknown surface {surface}", nameof(surface));
        var optimizer = new Sgd(new OptimizerOptions { Lr = lr, Momentum = beta, Nesterov = nesterov && beta > 0 });
        var options = new SimulationOptions { Steps = Steps };
        var run = Simulator.Run(s, optimizer, options);
        var plain = Simulator.Run(s, new Sgd(new OptimizerOptions { Lr = lr }), options);
        return new MomentumRuns(s, lr, beta, nesterov && beta > 0, run, plain, RateTheory.For(s, optimizer));
    }

    /// <summary>"converged in 62 steps" or "did not converge in 200 steps".</summary>
    public static string StepsText(Trajectory run) => run.StepsToConverge is { } n
        ? string.Create(CultureInfo.InvariantCulture, $"converged in {n} steps")
        : run.BlowUpStep is { } k ? string.Create(CultureInfo.InvariantCulture, $"blew up at step {k}")
        : string.Create(CultureInfo.InvariantCulture, $"not converged in {Steps} steps");

    /// <summary>How far past the minimum x got, for both runs.</summary>
    public string SwingText => double.IsFinite(Swing)
        ? $"momentum {Reach(Swing)}, plain {Reach(PlainSwing)} (start {Numbers.Short(Run.Steps[0].Params[0], 3)})"
        : "momentum run left the chart";

    /// <summary>The two paths on the (x, y) plane, axes fixed to the surface's view.</summary>
    public Chart PathChart => new(
        string.Empty, new Axis("x") { Min = Surface.View.XMin, Max = Surface.View.XMax }, new Axis("y") { Min = Surface.View.YMin, Max = Surface.View.YMax }, [
            new ChartSeries(RunName, Coordinates(Run, 1)) { Color = Palette.Vermillion, X = Coordinates(Run, 0), Markers = true, Width = 1.5 },
            new ChartSeries("plain descent", Coordinates(Plain, 1)) { Color = Palette.Blue, X = Coordinates(Plain, 0), Dashed = true, Width = 1.5 },
        ]);

    /// <summary>x against the step for both runs: momentum swings through 0, plain descent creeps up to it.</summary>
    public Chart CoordinateChart => new(
        string.Empty, new Axis("step"), new Axis("x") { Min = Surface.View.XMin, Max = Surface.View.XMax }, [
            new ChartSeries(RunName, Coordinates(Run, 0)) { Color = Palette.Vermillion },
            new ChartSeries("plain descent", Coordinates(Plain, 0)) { Color = Palette.Blue, Dashed = true },
        ]);

    /// <summary>Text alternative of the path chart.</summary>
    public string PathLabel => string.Create(
        CultureInfo.InvariantCulture,
        $"Paths on the {Surface.Name} at α {Numbers.Short(Lr, 3)}: {RunName}, {StepsText(Run)}; plain descent, {StepsText(Plain)}.");

    private string RunName => string.Create(CultureInfo.InvariantCulture, $"{(Nesterov ? "Nesterov" : "heavy ball")} β {Numbers.Short(Beta, 3)}");

    private static double MaxX(Trajectory run) => run.BlowUpStep is null ? run.Steps.Max(p => p.Params[0]) : double.PositiveInfinity;

    private static string Reach(double v) => v > 1e-6 ? "+" + Numbers.Short(v, 3) : "never crosses 0";

    // Points that left the view are clipped to just outside it so a diverging run draws off the edge instead of
    // squashing the chart.
    private double[] Coordinates(Trajectory run, int axis)
    {
        var (lo, hi) = axis == 0 ? (Surface.View.XMin, Surface.View.XMax) : (Surface.View.YMin, Surface.View.YMax);
        var margin = (hi - lo) * 0.5;
        return [.. run.Steps.Where(p => double.IsFinite(p.Params[axis])).Select(p => Math.Clamp(p.Params[axis], lo - margin, hi + margin))];
    }
}
