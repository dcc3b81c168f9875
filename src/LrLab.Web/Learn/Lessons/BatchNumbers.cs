using LrLab.Core.Optimizers;
using LrLab.Core.Simulation;
using LrLab.Core.Surfaces;
using LrLab.Core.Theory;
using LrLab.Web.Lab;

namespace LrLab.Web.Learn.Lessons;

/// <summary>Every number the batch lesson states, measured on the noisy bowl with Core when the course loads.</summary>
public static class BatchNumbers
{
    /// <summary>Seed of the measured runs (as <c>lrlab simulate --surface noisy-bowl --seed 1</c>).</summary>
    public const int Seed = 1;

    /// <summary>First step of the window the floor is averaged over.</summary>
    public const int From = 1000;

    /// <summary>Last step of that window (and the run's length).</summary>
    public const int To = 2000;

    private static readonly Surface _noisy = SurfaceCatalog.Find("noisy-bowl")!;

    /// <summary>2/λmax of the noisy bowl.</summary>
    public static double Limit => RateTheory.GradientDescent(_noisy.Curvature)!.StabilityLimit!.Value;

    /// <summary>Mean loss over steps 1,000–2,000 of SGD at <paramref name="lr"/> with batch <paramref name="batch"/>: the noise floor.</summary>
    public static double Floor(double lr, int batch)
    {
        var run = Simulator.Run(_noisy, new Sgd(new OptimizerOptions { Lr = lr }), new SimulationOptions { Steps = To, BatchSize = batch, Seed = Seed });
        return run.Steps.Skip(From).Take(To - From + 1).Average(p => p.Loss);
    }

    /// <summary>A 300-step run at <paramref name="lr"/> with batch <paramref name="batch"/>.</summary>
    public static Trajectory Run(double lr, int batch) =>
        Simulator.Run(_noisy, new Sgd(new OptimizerOptions { Lr = lr }), new SimulationOptions { Steps = 300, BatchSize = batch, Seed = Seed });

    /// <summary>Batch 1 at 0.05.</summary>
    public static double Base { get; } = Floor(0.05, 1);

    /// <summary>Batch 4 at 0.1 (square-root rule).</summary>
    public static double SquareRoot { get; } = Floor(0.1, 4);

    /// <summary>Batch 4 at 0.2 (linear rule).</summary>
    public static double Linear { get; } = Floor(0.2, 4);

    /// <summary>Batch 4 at 0.05 (rate kept).</summary>
    public static double Kept { get; } = Floor(0.05, 4);

    /// <summary>Batch sizes of the limit demonstration.</summary>
    public static readonly IReadOnlyList<int> LimitBatches = [1, 16, 256];

    /// <summary>A rate just above 2/λmax.</summary>
    public static double AboveLimit => 1.1 * Limit;

    /// <summary>Short text of a number.</summary>
    public static string N(double v) => Numbers.Short(v, 2);
}
