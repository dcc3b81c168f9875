using System.Globalization;
using LrLab.Core.Optimizers;
using LrLab.Core.Training;

namespace LrLab.Core.Finder;

/// <summary>
/// The MNIST network as a range-test target: each step is one <see cref="Trainer.Step"/> on the next
/// shuffled mini-batch. The snapshot is the trainer's own (weights, optimizer buffers and data position),
/// so after the test the network, its optimizer and its batch order are exactly as before.
/// </summary>
public sealed class MlpRangeTestTarget : IRangeTestTarget, IDisposable
{
    private readonly Mlp _model;
    private readonly Samples _test;

    private MlpRangeTestTarget(Mlp model, Trainer trainer, Samples test, string name)
    {
        _model = model;
        Trainer = trainer;
        _test = test;
        Name = name;
    }

    /// <summary>The trainer underneath (its model, optimizer state and step count).</summary>
    public Trainer Trainer { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string OptimizerName => Trainer.Optimizer.Name;

    /// <inheritdoc />
    public int ParameterCount => _model.Parameters.Length;

    /// <summary>
    /// A 784-<paramref name="hidden"/>-10 network initialised like PyTorch's <c>nn.Linear</c> from
    /// <paramref name="seed"/>, shuffled from the same seed, as <see cref="MlpTraining.Run"/> builds it, its products
    /// on <paramref name="kernels"/> (null = <see cref="ManagedMatrixKernels"/>).
    /// </summary>
    /// <exception cref="InputException">Hidden units or batch size out of range.</exception>
    public static MlpRangeTestTarget Create(Dataset data, IOptimizer optimizer, int hidden = TrainingOptions.DefaultHidden, int batchSize = TrainingOptions.DefaultBatchSize, int seed = 0, int threads = 1, IMatrixKernels? kernels = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(optimizer);
        if (hidden is < 1 or > TrainingOptions.MaxHidden)
        {
            throw InputException.For("hidden", string.Create(CultureInfo.InvariantCulture, $"must be between 1 and {TrainingOptions.MaxHidden}, got {hidden}"));
        }

        if (batchSize is < 1 or > TrainingOptions.MaxBatchSize)
        {
            throw InputException.For("batch_size", string.Create(CultureInfo.InvariantCulture, $"must be between 1 and {TrainingOptions.MaxBatchSize}, got {batchSize}"));
        }

        var random = new Random(seed);
        var model = new Mlp(data.Features, hidden, data.Classes, Math.Max(batchSize, 1), threads, kernels);
        model.Initialize(random);
        var trainer = new Trainer(model, data.Train, optimizer, batchSize, random);
        var name = string.Create(CultureInfo.InvariantCulture, $"mlp {data.Features}-{hidden}-{data.Classes} on {data.Name}, batch {batchSize}");
        return new MlpRangeTestTarget(model, trainer, data.Test, name);
    }

    /// <inheritdoc />
    public double TrainStep(double lr) => Trainer.Step(lr);

    /// <summary>Accuracy and mean loss on the held-out test digits.</summary>
    public (double Accuracy, double MeanLoss) Evaluate() => Trainer.Evaluate(_test);

    /// <inheritdoc />
    public IRangeTestSnapshot Snapshot() => new TrainerCheckpoint(Trainer, Trainer.Snapshot());

    /// <inheritdoc />
    public void Dispose() => _model.Dispose();

    private sealed class TrainerCheckpoint(Trainer trainer, TrainerSnapshot snapshot) : IRangeTestSnapshot
    {
        public void Restore() => trainer.Restore(snapshot);
    }
}
