using System.Diagnostics;
using System.Globalization;
using System.Text;
using LrLab.Core.Optimizers;
using LrLab.Core.Training;

namespace LrLab.Bench;

/// <summary>
/// `edge-race`: our side of bench/edge_vs_pytorch.sh, measured like bench/peers/pytorch_sharpness.py on the first
/// 2,000 training digits, 784-128-10, one thread: a full-batch step (median of 20), 30 Hessian-vector products from a
/// random start, and 200 full-batch steps at lr 0.5 with the sharpness every 10 steps (warm-started Lanczos, the
/// CLI's defaults), plus the bytes one warm measurement allocates. Prints one JSON object.
/// </summary>
internal static class EdgeRace
{
    private const int Samples = 2000;

    public static void Run()
    {
        var train = MlpTraining.First(BenchData.LoadMnist().Train, Samples);
        var data = new Dataset("mnist", train, train, 10);

        using var model = new Mlp(784, 128, 10, Samples);
        model.Initialize(new Random(0));
        var trainer = new Trainer(model, train, new Sgd(new OptimizerOptions { Lr = 0.5 }), Samples, new Random(0));
        var times = new double[22];
        for (var i = 0; i < times.Length; i++)
        {
            var clock = Stopwatch.StartNew();
            trainer.Step(0.5);
            times[i] = clock.Elapsed.TotalSeconds;
        }

        var step = times[2..].Order().ElementAt(10);

        model.Initialize(new Random(0));
        var hessian = new MlpHessian(model, train);
        var cold = new SharpnessEstimator(hessian, new Random(0), maxIterations: 30, tolerance: 1e-12);
        var watch = Stopwatch.StartNew();
        cold.Measure();
        var hvp30 = watch.Elapsed.TotalSeconds;
        var before = GC.GetAllocatedBytesForCurrentThread();
        cold.Measure();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var run = MlpTraining.Run(data, new TrainingOptions
        {
            Optimizer = new Sgd(new OptimizerOptions { Lr = 0.5 }),
            BatchSize = Samples,
            Steps = 200,
            SharpnessEvery = 10,
        });
        var json = new StringBuilder();
        json.Append(CultureInfo.InvariantCulture, $"{{\"simd\": {Gemm.BestWidth}, \"step\": {step:R}, \"hvp30\": {hvp30:R}, \"bytesPerMeasurement\": {allocated}, ");
        json.Append(CultureInfo.InvariantCulture, $"\"trainingSeconds\": {run.TrainingSeconds:R}, \"sharpnessSeconds\": {run.SharpnessSeconds:R}, \"products\": {run.HessianProducts}, \"sharpness\": [");
        json.Append(string.Join(", ", run.Sharpness.Select(p => string.Create(CultureInfo.InvariantCulture, $"[{p.Step}, {p.Value:R}]"))));
        json.Append("]}");
        Console.WriteLine(json);
    }
}
