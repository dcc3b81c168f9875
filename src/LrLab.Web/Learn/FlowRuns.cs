using System.Globalization;
using LrLab.Core.Optimizers;
using LrLab.Core.Plotting;
using LrLab.Core.Simulation;
using LrLab.Core.Surfaces;
using LrLab.Web.Lab;

namespace LrLab.Web.Learn;

/// <summary>
/// Gradient descent's steps at rate α next to the gradient flow they approximate, on the same time axis
/// (step k at t = kα), for the flow lesson's panel. Pure, so tests can check it.
/// </summary>
public sealed class FlowRuns
{
    /// <summary>The time span both are drawn over.</summary>
    public const double Duration = 3;

    /// <summary>Most steps drawn (very small rates are cut at this many).</summary>
    public const int MaxSteps = 300;

    private FlowRuns(Surface surface, double lr, IReadOnlyList<FlowPoint> flow, Trajectory steps)
    {
        Surface = surface;
        Lr = lr;
        Flow = flow;
        Steps = steps;
    }

    /// <summary>The surface.</summary>
    public Surface Surface { get; }

    /// <summary>α, also the time step.</summary>
    public double Lr { get; }

    /// <summary>The flow from the surface's start.</summary>
    public IReadOnlyList<FlowPoint> Flow { get; }

    /// <summary>Gradient descent at α from the same start.</summary>
    public Trajectory Steps { get; }

    /// <summary>αλmax: above 1 the steep direction flips sign every step, above 2 it grows.</summary>
    public double StepTimesCurvature => Lr * Surface.LambdaMax;

    /// <summary>The factor 1 − αλmax by which each step multiplies the error along the steepest direction.</summary>
    public double Factor => 1 - StepTimesCurvature;

    /// <summary>Times the steps' y changed sign; the flow's never does.</summary>
    public int SignFlips => CountFlips(Steps.Steps.Select(p => p.Params[1]));

    /// <summary>Times the flow's y changed sign (zero: it decays as e^(−λt)).</summary>
    public int FlowSignFlips => CountFlips(Flow.Select(p => p.Params[1]));

    /// <summary>The flow and the steps on the bowl at <paramref name="lr"/>.</summary>
    public static FlowRuns Compute(double lr, string surface = "bowl")
    {
        var s = SurfaceCatalog.Find(surface) ?? throw new ArgumentException($"unknown surface {surface}", nameof(surface));
        var count = Math.Clamp((int)Math.Ceiling(Duration / lr), 1, MaxSteps);
        var steps = Simulator.Run(s, new Sgd(new OptimizerOptions { Lr = lr }), new SimulationOptions { Steps = count });
        var flow = GradientFlow.Trace(s, s.DefaultStart, count * lr, 300);
        return new FlowRuns(s, lr, flow, steps);
    }

    /// <summary>In words: what αλmax says about the steps, as the panel states it.</summary>
    public string Regime => StepTimesCurvature switch
    {
        < 1 => string.Create(CultureInfo.InvariantCulture, $"αλmax = {N(StepTimesCurvature)} < 1: each step keeps {N(Factor)} of the error in y with the same sign, so the steps follow the flow (a little ahead of it: 1 − αλ is below e^(−αλ))."),
        < 2 => string.Create(CultureInfo.InvariantCulture, $"1 < αλmax = {N(StepTimesCurvature)} < 2: the factor {N(Factor)} is negative, so y changes sign every step; the flow never does."),
        _ => string.Create(CultureInfo.InvariantCulture, $"αλmax = {N(StepTimesCurvature)} ≥ 2: |{N(Factor)}| ≥ 1, so the error in y grows or never shrinks; the flow still glides down."),
    };

    /// <summary>Both paths on the (x, y) plane.</summary>
    public Chart PathChart => new(
        string.Empty, new Axis("x") { Min = Surface.View.XMin, Max = Surface.View.XMax }, new Axis("y") { Min = Surface.View.YMin, Max = Surface.View.YMax }, [
            new ChartSeries("gradient flow", Flow.Select(p => Clip(p.Params[1], 1)).ToArray()) { Color = Palette.BluishGreen, X = Flow.Select(p => Clip(p.Params[0], 0)).ToArray() },
            new ChartSeries(StepsName, Finite(1)) { Color = Palette.Vermillion, X = Finite(0), Markers = true, Width = 1.5 },
        ]);

    /// <summary>y against time: the flow's smooth decay and the steps at t = kα.</summary>
    public Chart TimeChart => new(
        string.Empty, new Axis("time t = step × α") { Min = 0, Max = Math.Max(Duration, Flow[^1].Time) }, new Axis("y") { Min = Surface.View.YMin, Max = Surface.View.YMax }, [
            new ChartSeries("gradient flow", Flow.Select(p => Clip(p.Params[1], 1)).ToArray()) { Color = Palette.BluishGreen, X = Flow.Select(p => p.Time).ToArray() },
            new ChartSeries(StepsName, Finite(1)) { Color = Palette.Vermillion, X = Steps.Steps.Where(p => double.IsFinite(p.Params[1])).Select(p => p.Step * Lr).ToArray(), Markers = true, Width = 1.5 },
        ]);

    private string StepsName => string.Create(CultureInfo.InvariantCulture, $"steps at α {N(Lr)}");

    private double[] Finite(int axis) => [.. Steps.Steps.Where(p => double.IsFinite(p.Params[axis])).Select(p => Clip(p.Params[axis], axis))];

    private double Clip(double v, int axis)
    {
        var (lo, hi) = axis == 0 ? (Surface.View.XMin, Surface.View.XMax) : (Surface.View.YMin, Surface.View.YMax);
        var margin = (hi - lo) * 0.5;
        return Math.Clamp(v, lo - margin, hi + margin);
    }

    private static int CountFlips(IEnumerable<double> values)
    {
        var flips = 0;
        var previous = 0.0;
        foreach (var v in values)
        {
            if (v != 0 && previous != 0 && Math.Sign(v) != Math.Sign(previous))
            {
                flips++;
            }

            if (v != 0)
            {
                previous = v;
            }
        }

        return flips;
    }

    private static string N(double v) => Numbers.Short(v, 3);
}
