using LrLab.Core.Surfaces;

namespace LrLab.Web.Lab;

/// <summary>
/// The numbers of one update, as the "this step" panel shows them: θ, ∇L(θ), α·∇L and the new θ.
/// For plain gradient descent new θ = θ − α·∇L exactly; other optimizers reshape the step, so the panel
/// also shows the update they actually applied.
/// </summary>
public sealed record StepBreakdown(int Step, double[] Theta, double Loss, double[] Gradient, double Lr, double[] ScaledGradient, double[] NewTheta, double NewLoss, bool Upcoming)
{
    /// <summary>The applied change new θ − θ.</summary>
    public double[] Update => [.. NewTheta.Select((v, i) => v - Theta[i])];

    /// <summary>
    /// The update that produced the point at <paramref name="shown"/> (or, at step 0, the first update to come).
    /// Null when the run has no update to show.
    /// </summary>
    public static StepBreakdown? Of(LabRun run, Surface surface, int shown)
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
        var lr = before.Lr;
        return new StepBreakdown(k, before.Params, before.Loss, gradient, lr, [.. gradient.Select(g => lr * g)], after.Params, after.Loss, upcoming);
    }
}
