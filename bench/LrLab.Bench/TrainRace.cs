using System.Diagnostics;
using System.Globalization;
using System.Text;
using LrLab.Core.Optimizers;
using LrLab.Core.Training;

namespace LrLab.Bench;

/// <summary>
/// `train-race [epochs] [threads]`: our side of bench/run_training.sh, measured exactly like
/// bench/peers/pytorch_mlp.py (one warm-up epoch, then the best and the median of timed epochs; GEMMs
/// best of 5 rounds) so the two can alternate in one run. Prints one JSON object.
/// </summary>
internal static class TrainRace
{
    public static void Run(string[] args)
    {
        var epochs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var threads = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
        var data = BenchData.LoadMnist();
        var json = new StringBuilder();
        json.Append(CultureInfo.InvariantCulture, $"{{\"simd\": {LrLab.Core.Training.Gemm.BestWidth}, \"threads\": {threads}, \"training\": [");
        var first = true;
        foreach (var (name, batch) in new[] { ("sgd", 32), ("sgd", 64), ("sgd", 256), ("adam", 64) })
        {
            var (best, median, allocated, window) = Training(data, name, batch, epochs, threads);
            json.Append(CultureInfo.InvariantCulture, $"{(first ? string.Empty : ", ")}{{\"case\": \"{name} {batch}\", \"batch\": {batch}, \"samplesPerSecond\": {data.Train.Count / best:F0}, \"medianSamplesPerSecond\": {data.Train.Count / median:F0}, \"windowSamplesPerSecond\": {window:F0}, \"bytesAllocatedPerEpoch\": {allocated}}}");
            first = false;
        }

        var bench = new GemmBenchmarks { Batch = 64 };
        bench.Setup();
        json.Append("], \"gemm\": [");
        json.Append(Product("forward X·W1ᵀ", 64, 128, 784, bench.ForwardHidden, 2000)).Append(", ");
        json.Append(Product("weight grad dZ1ᵀ·X", 128, 784, 64, bench.WeightGradient, 2000)).Append(", ");
        json.Append(Product("forward H·W2ᵀ", 64, 10, 128, bench.ForwardOutput, 5000)).Append(", ");
        json.Append(Product("input grad dZ2·W2", 64, 128, 10, bench.HiddenGradient, 5000));
        json.Append("]}");
        Console.WriteLine(json);
    }

    private static (double Best, double Median, long Allocated, double Window) Training(Dataset data, string optimizer, int batch, int epochs, int threads)
    {
        using var model = new Mlp(784, 128, 10, batch, threads);
        model.Initialize(new Random(0));
        var lr = optimizer == "adam" ? 0.001 : 0.1;
        var trainer = new Trainer(model, data.Train, OptimizerFactory.Create(optimizer, new OptimizerOptions { Lr = lr }), batch, new Random(0));
        Epoch(trainer, lr);
        var times = new double[epochs];
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var e = 0; e < epochs; e++)
        {
            var start = Stopwatch.GetTimestamp();
            Epoch(trainer, lr);
            times[e] = Stopwatch.GetElapsedTime(start).TotalSeconds;
        }

        var allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / epochs;
        Array.Sort(times);
        return (times[0], times[epochs / 2], allocated, Windows(trainer, lr));
    }

    /// <summary>
    /// Steady state, as bench/peers/pytorch_mlp.py measures it: the fastest of 200 windows of 5 steps (samples/s),
    /// the window other jobs on the machine disturbed least.
    /// </summary>
    private static double Windows(Trainer trainer, double lr)
    {
        var best = double.MaxValue;
        for (var w = 0; w < 200; w++)
        {
            // Rows actually trained: a window that crosses an epoch's short last batch does less work.
            var rows = 0;
            var start = Stopwatch.GetTimestamp();
            for (var s = 0; s < 5; s++)
            {
                rows += trainer.NextBatchRows;
                trainer.Step(lr);
            }

            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds / rows);
        }

        return 1 / best;
    }

    /// <summary>One pass over the data at the case's rate (Adam at 0.001, like the peer; SGD at 0.1).</summary>
    private static void Epoch(Trainer trainer, double lr)
    {
        for (var i = 0; i < trainer.StepsPerEpoch; i++)
        {
            trainer.Step(lr);
        }
    }

    private static string Product(string name, int m, int n, int k, Action product, int reps)
    {
        for (var i = 0; i < 20; i++)
        {
            product();
        }

        var best = double.MaxValue;
        for (var round = 0; round < 5; round++)
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < reps; i++)
            {
                product();
            }

            best = Math.Min(best, clock.Elapsed.TotalSeconds / reps);
        }

        return string.Create(CultureInfo.InvariantCulture, $"{{\"name\": \"{name}\", \"m\": {m}, \"n\": {n}, \"k\": {k}, \"gflops\": {2.0 * m * n * k / best / 1e9:F1}}}");
    }
}
