using LrLab.Core.Simulation;
using LrLab.Core.Surfaces;

namespace LrLab.Core.LineSearch;

/// <summary>
/// Backtracking (Armijo) line search on the steepest-descent direction: instead of a fixed rate, each update tries
/// α₀, ρα₀, ρ²α₀, … along −g and commits the first step that lowers the loss by at least c·α·‖g‖² (Nocedal &amp;
/// Wright, Algorithm 3.1). α₀ is the base rate (or the schedule's rate for that update), so a rate far above 2/λmax
/// still converges: the search shortens every step that would overshoot.
/// </summary>
public static class BacktrackingLineSearch
{
    /// <summary>
    /// One search from <paramref name="theta"/> (loss <paramref name="loss"/>, gradient <paramref name="gradient"/>).
    /// Writes the committed point into <paramref name="next"/>. When no probe satisfies the condition, the last probe
    /// is committed if it lowered the loss, otherwise the point stays.
    /// </summary>
    public static ArmijoStep Search(Surface surface, ReadOnlySpan<double> theta, ReadOnlySpan<double> gradient, double loss, double initialStep, ArmijoOptions options, int step, Span<double> next)
    {
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentNullException.ThrowIfNull(options);
        var squaredNorm = 0.0;
        foreach (var g in gradient)
        {
            squaredNorm += g * g;
        }

        var probes = new List<LineSearchProbe>(4);
        var alpha = initialStep;
        for (var i = 0; i < options.MaxProbes; i++)
        {
            var point = new double[theta.Length];
            for (var d = 0; d < point.Length; d++)
            {
                point[d] = theta[d] - (alpha * gradient[d]);
            }

            var trial = surface.Value(point);
            if (trial <= loss - (options.C * alpha * squaredNorm))
            {
                probes.Add(new LineSearchProbe(alpha, point, trial, true));
                point.CopyTo(next);
                return new ArmijoStep(step, alpha, true, probes);
            }

            probes.Add(new LineSearchProbe(alpha, point, trial, false));
            alpha *= options.Shrink;
        }

        var last = probes[^1];
        if (last.Loss < loss)
        {
            last.Params.CopyTo(next);
            return new ArmijoStep(step, last.Alpha, false, probes);
        }

        theta.CopyTo(next);
        return new ArmijoStep(step, 0, false, probes);
    }

    /// <summary>
    /// A whole run with the line search as the step rule, judged like <see cref="Simulator.Run"/>. The base rate
    /// <paramref name="initialStep"/> (times the schedule, if any) is each update's first trial step. The
    /// trajectory's <see cref="Trajectory.LineSearch"/> lists every update's probes.
    /// </summary>
    /// <exception cref="InputException">Bad steps, start, batch size or line-search options.</exception>
    public static Trajectory Run(Surface surface, double initialStep, ArmijoOptions? armijo = null, SimulationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(surface);
        armijo = (armijo ?? new ArmijoOptions()).Validate();
        options ??= new SimulationOptions();
        if (!(initialStep > 0) || !double.IsFinite(initialStep))
        {
            throw InputException.For("lr", FormattableString.Invariant($"must be positive, got {initialStep}"));
        }

        if (options.MetricSchedule is not null)
        {
            throw InputException.For("schedule", "ReduceLROnPlateau cannot drive a line search (the search picks its own step lengths); use a closed-form schedule");
        }

        var theta = Simulator.StartPoint(surface, options.Steps, options.Start, options.BatchSize);
        var n = theta.Length;
        var gradient = new double[n];
        var next = new double[n];
        var random = new Random(options.Seed);
        var points = new List<TrajectoryPoint>(options.Steps + 1);
        var searches = new List<ArmijoStep>(options.Steps);
        int? blowUp = null;

        var loss = surface.Value(theta);
        points.Add(new TrajectoryPoint(0, (double[])theta.Clone(), loss, RateAt(options, 0, initialStep)));
        if (!double.IsFinite(loss))
        {
            blowUp = 0;
        }

        for (var k = 1; k <= options.Steps && blowUp is null; k++)
        {
            surface.SampleGradient(theta, gradient, random, options.BatchSize);
            if (gradient.Any(g => !double.IsFinite(g)))
            {
                blowUp = k;
                break;
            }

            var search = Search(surface, theta, gradient, loss, points[^1].Lr, armijo, k, next);
            searches.Add(search);
            next.CopyTo(theta, 0);
            loss = surface.Value(theta);
            var finite = double.IsFinite(loss) && theta.All(double.IsFinite);
            points.Add(new TrajectoryPoint(k, (double[])theta.Clone(), loss, finite ? RateAt(options, k, initialStep) : points[^1].Lr));
            if (!finite)
            {
                blowUp = k;
            }
        }

        return RunClassifier.Judge(surface, "linesearch", initialStep, points, blowUp, options) with { LineSearch = searches };
    }

    private static double RateAt(SimulationOptions options, int step, double baseLr) => options.Schedule?.At(step, baseLr) ?? baseLr;
}
