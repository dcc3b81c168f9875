using LrLab.Core.LineSearch;
using LrLab.Core.Optimizers;
using LrLab.Core.Simulation;
using LrLab.Core.Surfaces;
using LrLab.Web.Lab;

namespace LrLab.Web.Batch;

/// <summary>
/// The √2 rule on the noisy bowl: the same seed at batch B and rate α, at 2B with the same α, at 2B with √2·α (the
/// rule), and at 4B with 2α. Larger batches average more examples, so the gradient noise shrinks as 1/√batch.
/// </summary>
public static class BatchRule
{
    /// <summary>The four runs, baseline first.</summary>
    public static IReadOnlyList<BatchRun> Compare(int batch, double lr, int steps, int seed, string optimizer = "sgd")
    {
        var surface = SurfaceCatalog.Resolve("noisy-bowl");
        (string Label, int Batch, double Lr)[] plan =
        [
            ($"batch {batch}, rate α", batch, lr),
            ($"batch {2 * batch}, same α", 2 * batch, lr),
            ($"batch {2 * batch}, α × √2 (the rule)", 2 * batch, lr * Math.Sqrt(2)),
            ($"batch {4 * batch}, α × 2", 4 * batch, lr * 2),
        ];
        return [.. plan.Select(p =>
        {
            // Line search takes the rate as its first trial step, so the rule applies to α₀ there.
            var run = LabSimulation.Run(surface, optimizer, new OptimizerOptions(), new ArmijoOptions(), p.Lr, new SimulationOptions { Steps = steps, BatchSize = p.Batch, Seed = seed });
            var (mean, spread, jitter) = SecondHalf(run);
            return new BatchRun(p.Label, p.Batch, p.Lr, NoisyBowlSurface.NoiseStandardDeviation(p.Batch), run, mean, spread, jitter);
        })];
    }

    private static (double Mean, double Spread, double Jitter) SecondHalf(Trajectory run)
    {
        var points = run.Steps;
        var from = Math.Max(1, points.Count / 2);
        if (from >= points.Count)
        {
            return (double.NaN, double.NaN, double.NaN);
        }

        var losses = points.Skip(from).Select(p => p.Loss).ToArray();
        var mean = losses.Average();
        var spread = Math.Sqrt(losses.Sum(l => (l - mean) * (l - mean)) / losses.Length);
        var jitter = 0.0;
        for (var k = from; k < points.Count; k++)
        {
            var sum = 0.0;
            for (var d = 0; d < points[k].Params.Length; d++)
            {
                var delta = points[k].Params[d] - points[k - 1].Params[d];
                sum += delta * delta;
            }

            jitter += Math.Sqrt(sum);
        }

        return (mean, spread, jitter / (points.Count - from));
    }
}
