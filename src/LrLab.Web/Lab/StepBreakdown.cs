using LrLab.Core.LineSearch;
using LrLab.Core.Surfaces;

namespace LrLab.Web.Lab;

/// <summary>
/// The numbers of one update, as the "this step" panel shows them: θ, ∇L(θ), α·∇L and the new θ.
/// For plain gradient descent new θ = θ − α·∇L exactly; other optimizers reshape the step, so the panel
/// also shows the update they actually applied. For line search <see cref="Lr"/> is the step the search accepted and
/// <see cref="Trials"/> lists every step it tried first.
/// </summary>
public sealed record StepBreakdown(int Step, double[] Theta, double Loss, double[] Gradient, double Lr, double[] ScaledGradient, double[] NewTheta, double NewLoss, bool Upcoming)
{
    /// <summary>A line search's trials, longest first (empty for fixed-rate optimizers).</summary>
    public IReadOnlyList<TrialRow> Trials { get; init; } = [];

    /// <summary>A line search's first trial step α₀ (null for fixed-rate optimizers).</summary>
    public double? FirstTrial { get; init; }

    /// <summary>The applied change new θ − θ.</summary>
    public double[] Update => [.. NewTheta.Select((v, i) => v - Theta[i])];

    /// <summary>
    /// The update that produced the point at <paramref name="shown"/> (or, at step 0, the first update to come).
    /// Null when the run has no update to show.
    /// </summary>
    public static StepBreakdown? Of(LabRun run, Surface surface, int shown) => Of(run, surface, shown, null);

    /// <summary>
    /// As <see cref="Of(LabRun, Surface, int)"/>; for a line-search run also the trials of that update, judged with
    /// <paramref name="armijo"/>'s c (null: the default).
    /// </summary>
    public static StepBreakdown? Of(LabRun run, Surface surface, int shown, ArmijoOptions? armijo)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(surface);
        var points = run.Trajectory.Steps;
        if (points.Count < 2)
        {
            return null;
        }

        var upcoming = shown <= 0;
        var k = Math.Clamp(upcoming ? 1 : shown, 1, points.Count - 1);
        var before = points[k - 1];
        var after = points[k];
        var gradient = new double[before.Params.Length];
        surface.ValueAndGradient(before.Params, gradient);
        if (run.SearchOf(k) is { Probes.Count: > 0 } search)
        {
            return LineSearch(k, before.Params, before.Loss, gradient, search, after.Params, after.Loss, upcoming, surface.IsStochastic, (armijo ?? new ArmijoOptions()).C);
        }

        var lr = before.Lr;
        return new StepBreakdown(k, before.Params, before.Loss, gradient, lr, [.. gradient.Select(g => lr * g)], after.Params, after.Loss, upcoming);
    }

    private static StepBreakdown LineSearch(int k, double[] theta, double loss, double[] gradient, ArmijoStep search, double[] newTheta, double newLoss, bool upcoming, bool stochastic, double c)
    {
        // On a noisy surface the search walked along a sampled gradient: recover it from the first trial point.
        var first = search.Probes[0];
        if (stochastic && first.Alpha > 0)
        {
            gradient = [.. theta.Select((t, i) => (t - first.Params[i]) / first.Alpha)];
        }

        var squared = gradient.Sum(g => g * g);
        var trials = search.Probes.Select(p => new TrialRow(p.Alpha, p.Loss, loss - (c * p.Alpha * squared), p.Accepted)).ToArray();
        var alpha = search.Alpha;
        return new StepBreakdown(k, theta, loss, gradient, alpha, [.. gradient.Select(g => alpha * g)], newTheta, newLoss, upcoming)
        {
            Trials = trials,
            FirstTrial = first.Alpha,
        };
    }
}
