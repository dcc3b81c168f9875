using LrLab.Core.Surfaces;

namespace LrLab.Core.LineSearch;

/// <summary>
/// Backtracking (Armijo) line search on the steepest-descent direction: instead of a fixed rate, each update tries
/// α₀, ρα₀, ρ²α₀, … along −g and commits the first step that lowers the loss by at least c·α·‖g‖² (Nocedal &amp;
/// Wright, Algorithm 3.1). α₀ is the base rate (or the schedule's rate for that update), so a rate far above 2/λmax
/// still converges: the search shortens every step that would overshoot. A whole run is
/// <c>Simulator.Run</c> with an <c>ArmijoRule</c>.
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
}
