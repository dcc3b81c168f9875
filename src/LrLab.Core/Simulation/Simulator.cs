using System.Globalization;
using LrLab.Core.Optimizers;
using LrLab.Core.Surfaces;

namespace LrLab.Core.Simulation;

/// <summary>Runs an optimizer (optionally under a schedule) over a surface and judges the run.</summary>
public static class Simulator
{
    /// <summary>
    /// Runs <paramref name="options"/>.Steps updates of <paramref name="optimizer"/> on <paramref name="surface"/>.
    /// Never throws for numeric trouble: when the loss or a parameter stops being finite the run stops there
    /// and <see cref="Trajectory.BlowUpStep"/> says where.
    /// </summary>
    /// <exception cref="InputException">Bad steps, start or batch size.</exception>
    public static Trajectory Run(Surface surface, IOptimizer optimizer, SimulationOptions? options = null)
    {
        options ??= new SimulationOptions();
        var theta = StartPoint(surface, options.Steps, options.Start, options.BatchSize);
        var n = theta.Length;
        var gradient = new double[n];
        var state = optimizer.Init<double>(n);
        var random = new Random(options.Seed);
        var baseLr = optimizer.Options.Lr;
        var metrics = options.MetricSchedule is null ? [] : new double[options.Steps];
        var points = new List<TrajectoryPoint>(options.Steps + 1);
        int? blowUp = null;

        double loss = surface.Value(theta);
        points.Add(new TrajectoryPoint(0, (double[])theta.Clone(), loss, RateAt(options, 0, baseLr, metrics)));
        if (!IsFinite(loss, theta))
        {
            blowUp = 0;
        }

        for (var k = 1; k <= options.Steps && blowUp is null; k++)
        {
            var lr = points[^1].Lr;
            surface.SampleGradient(theta, gradient, random, options.BatchSize);
            if (!AllFinite(gradient))
            {
                blowUp = k;
                break;
            }

            optimizer.Step<double>(theta, gradient, state, lr);
            loss = surface.Value(theta);
            if (metrics.Length > 0)
            {
                metrics[k - 1] = loss;
            }

            var finite = IsFinite(loss, theta);
            var next = finite ? RateAt(options, k, baseLr, metrics) : lr;
            points.Add(new TrajectoryPoint(k, (double[])theta.Clone(), loss, next));
            if (!finite)
            {
                blowUp = k;
            }
        }

        return RunClassifier.Judge(surface, optimizer.Name, baseLr, points, blowUp, options, RunClassifier.Ceiling(surface, optimizer));
    }

    /// <summary>
    /// Checks a run's length and batch size and the start against <paramref name="surface"/> (the one place a run's
    /// setup is validated); returns a fresh copy of the start point.
    /// </summary>
    /// <exception cref="InputException">Names the parameter: <c>steps</c>, <c>batch_size</c> or <c>start</c>.</exception>
    internal static double[] StartPoint(Surface surface, int steps, IReadOnlyList<double>? start, int batchSize)
    {
        if (steps is < 0 or > SimulationOptions.MaxSteps)
        {
            throw InputException.For("steps", string.Create(CultureInfo.InvariantCulture, $"must be between 0 and {SimulationOptions.MaxSteps}, got {steps}"));
        }

        if (batchSize < 1)
        {
            throw InputException.For("batch_size", string.Create(CultureInfo.InvariantCulture, $"must be a positive integer, got {batchSize}"));
        }

        return surface.StartFrom(start);
    }

    private static double RateAt(SimulationOptions options, int step, double baseLr, double[] metrics)
    {
        if (options.MetricSchedule is { } metric)
        {
            return metric.At(step, baseLr, metrics.AsSpan(0, step));
        }

        return options.Schedule?.At(step, baseLr) ?? baseLr;
    }

    private static bool IsFinite(double loss, ReadOnlySpan<double> theta) => double.IsFinite(loss) && AllFinite(theta);

    private static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }
}
