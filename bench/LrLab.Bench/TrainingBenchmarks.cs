using BenchmarkDotNet.Attributes;
using LrLab.Core.Optimizers;
using LrLab.Core.Training;

namespace LrLab.Bench;

/// <summary>
/// One epoch (8,000 digits) of the 784-128-10 MLP with SGD at 0.1, as bench/peers/pytorch_mlp.py runs it.
/// samples/s = 8,000 / the time per operation; MemoryDiagnoser shows the epoch allocates nothing.
/// Run: dotnet run -c Release --project bench/LrLab.Bench -- --filter '*TrainingBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class TrainingBenchmarks
{
    private Trainer _trainer = null!;

    [Params(32, 64, 256)]
    public int Batch { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var data = BenchData.LoadMnist();
        var model = new Mlp(784, 128, 10, Batch);
        model.Initialize(new Random(0));
        _trainer = new Trainer(model, data.Train, new Sgd(new OptimizerOptions { Lr = 0.1 }), Batch, new Random(0));
    }

    [Benchmark]
    public float Epoch()
    {
        var loss = 0f;
        for (var i = 0; i < _trainer.StepsPerEpoch; i++)
        {
            loss = _trainer.Step(0.1);
        }

        return loss;
    }
}
