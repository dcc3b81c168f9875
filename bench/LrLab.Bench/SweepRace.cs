using System.Diagnostics;
using System.Globalization;
using LrLab.Core.Optimizers;
using LrLab.Core.Surfaces;
using LrLab.Core.Sweep;

namespace LrLab.Bench;

/// <summary>
/// The sweep the NumPy peer (bench/peers/numpy_sweep.py) also runs: 1,000 log-spaced rates from 1e-4 to 1 ×
/// 1,000 steps × 7 optimizers on the bowl, timed in-process (best of a few runs, after a second of warm-up runs).
/// Run: dotnet run -c Release --project bench/LrLab.Bench -- sweep-race [threads] [repeats]
/// </summary>
internal static class SweepRace
{
    public static readonly string[] Optimizers = ["sgd", "momentum", "nesterov", "adam", "adamw", "rmsprop", "adagrad"];

    public static void Run(string[] args)
    {
        var threads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : Environment.ProcessorCount;
        var repeats = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        var surface = SurfaceCatalog.Resolve("bowl");
        var optimizers = Optimizers.Select(n => OptimizerFactory.Create(n, new OptimizerOptions())).ToArray();
        var options = new SweepOptions { LrMin = 1e-4, LrMax = 1, Count = 1000, Steps = 1000, MaxDegreeOfParallelism = threads };
        // Warm-up on the full problem for a second: the tiered JIT moves the lane loops to their final code only after
        // some thirty calls each and a pause, and a short warm-up left the first timed runs (the two-thread ones most of
        // all) on intermediate code.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < 1)
        {
            Sweeper.Compare(surface, optimizers, options);
        }

        var best = double.PositiveInfinity;
        var rows = 0;
        for (var r = 0; r < repeats; r++)
        {
            var watch = Stopwatch.StartNew();
            var result = Sweeper.Compare(surface, optimizers, options);
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
            rows = result.Sweeps.Sum(s => s.Rows.Count);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lrlab_sweep seconds={best:F3} rows={rows} threads={threads}"));
        if (args.Length > 3 && args[3] == "per-optimizer")
        {
            foreach (var optimizer in optimizers)
            {
                var watch = Stopwatch.StartNew();
                Sweeper.Run(surface, optimizer, options);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {optimizer.Name,-9} {watch.Elapsed.TotalSeconds:F3} s"));
            }
        }
    }
}
