using System.Globalization;
using LrLab.Core.Optimizers;
using LrLab.Core.Surfaces;
using LrLab.Core.Theory;

namespace LrLab.Core.Simulation;

/// <summary>
/// Turns a simulated trajectory into a verdict and a pattern. The rules, in order:
/// a non-finite loss is too-large (nan or diverging); a final gap above the starting gap is too-large, diverging;
/// a run that crosses the minimum back and forth along a principal axis of the surface is oscillating
/// (<see cref="Oscillation"/>: judged along the Hessian's eigenvectors, so a turned surface gets the same verdict); a run
/// that converges (or is on course to) within <see cref="FastSteps"/> updates is just-right; slower runs whose
/// oscillation lasts into the second half are too-large; other slower runs are too-small (plateau when the loss hardly moved, else crawling), except that a
/// crawl of plain or momentum SGD at 75 % or more of its stability limit is just-right (crawling): no larger rate is
/// stable there, so the slowness belongs to the terrain.
/// </summary>
public static class RunClassifier
{
    /// <summary>"Tens of steps, not hundreds": converging within this many updates counts as just right.</summary>
    public const int FastSteps = 100;

    /// <summary>Judges a finished run. <paramref name="points"/>[k] is the state after k updates.</summary>
    /// <remarks>
    /// <c>ceiling</c> is the largest stable rate of this optimizer on this surface when theory gives one (plain or
    /// momentum SGD on a surface with a known curvature), else null: a crawl at a rate near it is the terrain's fault.
    /// </remarks>
    internal static Trajectory Judge(Surface surface, string optimizer, double lr, List<TrajectoryPoint> points, int? blowUp, SimulationOptions options, double? ceiling = null)
    {
        var dims = points.Count > 0 ? points[0].Params.Length : surface.Dimension;
        var losses = new double[points.Count];
        var parameters = new double[points.Count * dims];
        for (var k = 0; k < points.Count; k++)
        {
            losses[k] = points[k].Loss;
            points[k].Params.CopyTo(parameters.AsSpan(k * dims, dims));
        }

        var j = Judge(surface, lr, new RunRecord(losses, parameters, dims, blowUp), options.Tolerance, new double[points.Count], ceiling);
        return new Trajectory(surface.Name, optimizer, lr, points, j.FinalLoss, j.StepsToConverge, j.Verdict, j.Pattern, j.EstimatedStepsToConverge, blowUp, j.Explanation);
    }

    /// <summary>
    /// Judges a run recorded as flat arrays (what a sweep keeps, so it never allocates per step).
    /// <paramref name="scratch"/> needs room for one value per recorded point.
    /// </summary>
    internal static RunJudgement Judge(Surface surface, double lr, RunRecord run, double? toleranceOverride, Span<double> scratch, double? ceiling = null, bool explain = true)
    {
        var tolerance = toleranceOverride ?? (surface.IsStochastic ? 1e-2 : 1e-3);
        var finite = run.Finite;
        var finalLoss = finite.Length > 0 ? finite[^1] : double.NaN;
        var result = new RunJudgement(finalLoss, null, Verdict.Inconclusive, Pattern.Smooth, null, string.Empty);

        if (run.BlowUp is { } at)
        {
            // A non-finite gradient stops the run before the point is recorded: count it as NaN.
            var nan = at >= run.Losses.Length || double.IsNaN(run.Losses[at]);
            return result with
            {
                Verdict = Verdict.TooLarge,
                Pattern = nan ? Pattern.Nan : Pattern.Diverging,
                Explanation = Say(explain, $"The loss {(nan ? "became NaN" : "overflowed")} at step {at}: every step overshot the minimum by more than the last, the error was multiplied by more than 1 each time (|1 − αλ| > 1), until float64 ran out of range.")
                    + LimitHint(surface, lr, explain),
            };
        }

        var minimum = MinimumLoss(surface, finite);
        var gaps = Gaps(finite, minimum, surface.IsStochastic, scratch[..finite.Length]);
        var gap0 = gaps[0];
        var updates = finite.Length - 1;
        if (gap0 <= 0 || !double.IsFinite(gap0))
        {
            return result with { StepsToConverge = 0, Explanation = "The run starts at the minimum: there is nothing to learn from it." };
        }

        var converged = StepsToConverge(gaps, tolerance * gap0);
        var (oscillating, lasting) = Oscillation.Judge(surface, run, converged ?? updates);
        var pattern = oscillating ? Pattern.Oscillating : Pattern.Smooth;
        result = result with { StepsToConverge = converged, Pattern = pattern };

        if (gaps[^1] > gap0)
        {
            return result with
            {
                Verdict = Verdict.TooLarge,
                Pattern = Pattern.Diverging,
                Explanation = Say(explain, $"The loss grew from {finite[0]:G4} to {finalLoss:G4} in {updates} {Steps(updates)}: each update overshoots the minimum and lands further away than it started.") + LimitHint(surface, lr, explain),
            };
        }

        if (converged is { } k)
        {
            if (k <= FastSteps)
            {
                return result with
                {
                    Verdict = Verdict.JustRight,
                    Explanation = oscillating
                        ? Say(explain, $"The updates flip direction, yet every bounce is smaller: within {tolerance:P1} of the starting gap after {k} steps.")
                        : Say(explain, $"Steady decrease with diminishing returns: the loss went from {finite[0]:G4} to within {tolerance:P1} of the starting gap after {k} steps."),
                };
            }

            return SlowRun(result, finite, gaps, k, lasting, surface, lr, ceiling, explain);
        }

        if (updates < 3)
        {
            return result with { Verdict = Verdict.Inconclusive, Explanation = Say(explain, $"Only {updates} step(s): run longer to judge the rate.") };
        }

        var (rate, estimate) = Extrapolate(gaps, tolerance * gap0);
        result = result with { EstimatedStepsToConverge = estimate };
        if (estimate is { } e && e <= FastSteps)
        {
            return result with
            {
                Verdict = Verdict.JustRight,
                Explanation = Say(explain, $"Not converged yet after {updates} steps, but the gap shrinks {1 - rate:P1} per step: on course to converge in about {e} steps."),
            };
        }

        return SlowRun(result, finite, gaps, estimate, lasting, surface, lr, ceiling, explain, rate);
    }

    /// <summary>
    /// The largest stable rate theory gives for <paramref name="optimizer"/> on <paramref name="surface"/>: 2/λmax for
    /// plain SGD, the momentum limit for SGD with momentum; null for adaptive optimizers, whose steps do not scale
    /// with the gradient, and for surfaces without a known curvature.
    /// </summary>
    internal static double? Ceiling(Surface surface, IOptimizer optimizer)
    {
        if (optimizer is not Sgd || (optimizer.Options.WeightDecay ?? 0) != 0)
        {
            return null;
        }

        return RateTheory.For(surface, optimizer)?.StabilityLimit is { } l && double.IsFinite(l) && l > 0 ? l : null;
    }

    /// <remarks>
    /// <paramref name="bouncing"/>: the oscillation lasts into the second half of the run, so it is what keeps the run
    /// slow and a smaller rate would help. A bounce that died out early (a steep direction settled while a flat one
    /// crawls) does not make a slow run too large.
    /// </remarks>
    private static RunJudgement SlowRun(RunJudgement result, ReadOnlySpan<double> finite, ReadOnlySpan<double> gaps, int? steps, bool bouncing, Surface surface, double lr, double? ceiling, bool explain, double rate = double.NaN)
    {
        var updates = finite.Length - 1;
        if (double.IsNaN(rate))
        {
            rate = Math.Pow(gaps[Math.Min(steps ?? updates, updates)] / gaps[0], 1.0 / Math.Max(1, steps ?? updates));
        }

        var needs = steps is { } s ? Say(explain, $"about {s:N0} steps") : "an unbounded number of steps";
        if (bouncing)
        {
            return result with
            {
                Verdict = Verdict.TooLarge,
                Pattern = Pattern.Oscillating,
                Explanation = Say(explain, $"The point bounces from wall to wall; each step shrinks the gap only {Math.Max(0, 1 - rate):P2}, so it needs {needs}.") + LimitHint(surface, lr, explain),
            };
        }

        var moved = 1 - (gaps[^1] / gaps[0]);
        if (moved < 0.01)
        {
            return result with
            {
                Verdict = Verdict.TooSmall,
                Pattern = Pattern.Plateau,
                Explanation = Say(explain, $"The loss hardly moved ({moved:P2} of the gap in {updates} steps): the steps are too short for the gradient here."),
            };
        }

        // Near the ceiling a larger rate cannot help: the steep direction would diverge first. The crawl then comes
        // from a nearly flat direction (ill conditioning), and the right remedy is another optimizer, not another rate.
        if (ceiling is { } top && lr >= 0.75 * top && surface.Curvature is { } c)
        {
            return result with
            {
                Verdict = Verdict.JustRight,
                Pattern = Pattern.Crawling,
                Explanation = Say(explain, $"Each step shrinks the gap only {Math.Max(0, 1 - rate):P2}, so it needs {needs}, yet a larger rate is no cure: α = {lr:G4} is already {lr / top:P0} of {top:G4}, the largest rate at which the steepest direction (curvature {c.LambdaMax:G4}) stays stable. The slow part is a nearly flat direction (curvature {c.LambdaMin:G4}, condition number {c.ConditionNumber:G4}); no single fixed rate suits both. The rate is as good as it gets for this optimizer: momentum or Adam would cross the flat valley faster."),
            };
        }

        return result with
        {
            Verdict = Verdict.TooSmall,
            Pattern = Pattern.Crawling,
            Explanation = Say(explain, $"Each step shrinks the gap only {1 - rate:P2}: at this rate it needs {needs}. A larger rate would get there sooner."),
        };
    }

    private static double MinimumLoss(Surface surface, ReadOnlySpan<double> losses)
    {
        if (surface.Curvature is { } c)
        {
            // Copied to the stack: a sweep judges thousands of runs, each of which allocated this copy.
            var n = c.Minimum.Count;
            Span<double> at = n <= 8 ? stackalloc double[n] : new double[n];
            for (var d = 0; d < n; d++)
            {
                at[d] = c.Minimum[d];
            }

            var value = surface.Value(at);
            if (double.IsFinite(value))
            {
                return value;
            }
        }

        var best = double.PositiveInfinity;
        foreach (var loss in losses)
        {
            best = Math.Min(best, loss);
        }

        return best;
    }

    /// <summary>Gap to the minimum per step; on stochastic surfaces a trailing mean over 5 steps tames the noise.</summary>
    private static Span<double> Gaps(ReadOnlySpan<double> losses, double minimum, bool smooth, Span<double> gaps)
    {
        for (var i = 0; i < gaps.Length; i++)
        {
            gaps[i] = Math.Max(0, losses[i] - minimum);
        }

        if (!smooth)
        {
            return gaps;
        }

        // In place: the raw gap leaving the 5-wide window is recomputed from its loss.
        var sum = 0.0;
        for (var i = 0; i < gaps.Length; i++)
        {
            sum += gaps[i];
            if (i >= 5)
            {
                sum -= Math.Max(0, losses[i - 5] - minimum);
            }

            gaps[i] = sum / Math.Min(i + 1, 5);
        }

        return gaps;
    }

    private static int? StepsToConverge(ReadOnlySpan<double> gaps, double threshold)
    {
        for (var i = gaps.Length - 1; i >= 0; i--)
        {
            if (gaps[i] > threshold)
            {
                return i + 1 < gaps.Length ? i + 1 : null;
            }
        }

        return 0;
    }

    /// <summary>Geometric fit over the last quarter of the run: per-step ratio and the projected steps to reach the threshold.</summary>
    private static (double Rate, int? Steps) Extrapolate(ReadOnlySpan<double> gaps, double threshold)
    {
        var end = gaps.Length - 1;
        var span = Math.Max(2, gaps.Length / 4);
        var from = Math.Max(0, end - span);
        if (gaps[from] <= 0 || gaps[end] <= 0)
        {
            return (double.NaN, null);
        }

        var rate = Math.Pow(gaps[end] / gaps[from], 1.0 / (end - from));
        if (!(rate < 1))
        {
            return (rate, null);
        }

        var more = Math.Log(threshold / gaps[end]) / Math.Log(rate);
        var total = end + Math.Ceiling(Math.Max(0, more));
        return (rate, total > int.MaxValue / 2 ? null : (int)total);
    }

    private static string LimitHint(Surface surface, double lr, bool explain)
    {
        if (!explain)
        {
            return string.Empty;
        }

        return RateTheory.GradientDescent(surface.Curvature) is { } plain && lr > plain.GradientDescentLimit
            ? Say(explain, $" Here α = {lr:G4} is above 2/λmax = {plain.GradientDescentLimit:G4}, the largest stable rate for plain gradient descent.")
            : string.Empty;
    }

    private static string Steps(int count) => count == 1 ? "step" : "steps";

    /// <summary>The sentence, or nothing when the caller keeps no explanation (a sweep: formatting numbers is slow in the browser).</summary>
    private static string Say(bool explain, FormattableString text) => explain ? text.ToString(CultureInfo.InvariantCulture) : string.Empty;
}
