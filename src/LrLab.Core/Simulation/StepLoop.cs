using LrLab.Core.Schedules;
using LrLab.Core.Surfaces;

namespace LrLab.Core.Simulation;

/// <summary>
/// The one optimisation loop: sample the gradient, let the step rule move θ, record the point, ask the schedule for
/// the next rate. Simulations, sweeps, line search, the lab and the lessons all run through it. Generic over struct
/// steppers and recorders so the sweep's hot path has no virtual calls and no allocation per step.
/// </summary>
internal static class StepLoop
{
    /// <summary>
    /// Runs <paramref name="plan"/> from <paramref name="theta"/> (overwritten). Stops early, and returns the update
    /// number, when the loss, θ or the gradient stops being finite (a non-finite gradient stops before recording).
    /// </summary>
    public static int? Run<TStepper, TRecorder>(Surface surface, in RunPlan plan, double baseLr, double[] theta, ref TStepper stepper, ref TRecorder recorder)
        where TStepper : IStepper
        where TRecorder : IRunRecorder
    {
        var gradient = new double[theta.Length];
        var random = new Random(plan.Seed);
        // A metric schedule's rate comes from its running state (one loss folded in per update), never from
        // replaying the whole history: that was quadratic in the steps.
        var plateau = plan.MetricSchedule?.Begin(baseLr) ?? default;
        var loss = surface.Value(theta);
        var lr = RateAt(plan, 0, baseLr, plateau);
        recorder.Add(0, theta, loss, lr);
        if (!IsFinite(loss, theta))
        {
            return 0;
        }

        for (var k = 1; k <= plan.Steps; k++)
        {
            surface.SampleGradient(theta, gradient, random, plan.BatchSize);
            if (!AllFinite(gradient))
            {
                return k;
            }

            stepper.Step(theta, gradient, loss, lr, k);
            loss = surface.Value(theta);
            if (plan.MetricSchedule is { } metric)
            {
                plateau = metric.Next(plateau, loss);
            }

            if (!IsFinite(loss, theta))
            {
                recorder.Add(k, theta, loss, lr);
                return k;
            }

            lr = RateAt(plan, k, baseLr, plateau);
            recorder.Add(k, theta, loss, lr);
        }

        return null;
    }

    private static double RateAt(in RunPlan plan, int step, double baseLr, MetricScheduleState plateau)
    {
        if (plan.MetricSchedule is not null)
        {
            return plateau.Lr;
        }

        return plan.Schedule?.At(step, baseLr) ?? baseLr;
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
