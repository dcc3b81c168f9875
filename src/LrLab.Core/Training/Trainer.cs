using System.Runtime.Intrinsics.X86;
using LrLab.Core.Optimizers;

namespace LrLab.Core.Training;

/// <summary>
/// Mini-batch training of an <see cref="Mlp"/> on a <see cref="Samples"/> set with any Core optimizer:
/// each epoch visits every example once in a seeded shuffled order (<see cref="BatchOrder"/>), the last
/// batch of an epoch may be short (PyTorch's DataLoader with <c>drop_last=False</c>). One
/// <see cref="Step"/> = gather the batch, forward, backward, <c>optimizer.step()</c> at the given rate;
/// it allocates nothing. <see cref="Snapshot"/>/<see cref="Restore"/> save and bring back the weights,
/// the optimizer state and the data position together, which the LR range test needs.
/// </summary>
public sealed class Trainer
{
    private readonly Samples _data;
    private readonly int[] _order;
    private readonly float[] _batchInputs;
    private readonly byte[] _batchLabels;
    private const int PrefetchBytes = 256 * 1024;

    private readonly ulong _shuffleKey;
    private int _orderEpoch = -1;

    /// <summary>Starts training <paramref name="model"/> (already initialised) on <paramref name="data"/>.</summary>
    /// <param name="model">The network; its <see cref="Mlp.MaxBatch"/> must be at least <paramref name="batchSize"/>.</param>
    /// <param name="data">Training examples.</param>
    /// <param name="optimizer">Any Core optimizer; its state is created here.</param>
    /// <param name="batchSize">Examples per mini-batch.</param>
    /// <param name="random">Seeded source for the shuffling key (one draw).</param>
    public Trainer(Mlp model, Samples data, IOptimizer optimizer, int batchSize, Random random)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(random);
        if (batchSize < 1 || batchSize > model.MaxBatch)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"must be between 1 and the model's MaxBatch {model.MaxBatch}");
        }

        if (data.Features != model.Inputs)
        {
            throw new ArgumentException($"data has {data.Features} features, the model takes {model.Inputs}", nameof(data));
        }

        Model = model;
        Optimizer = optimizer;
        BatchSize = batchSize;
        _data = data;
        State = optimizer.Init<float>(model.Parameters.Length);
        StepsPerEpoch = (data.Count + batchSize - 1) / batchSize;
        _order = new int[data.Count];
        _batchInputs = new float[batchSize * data.Features];
        _batchLabels = new byte[batchSize];
        _shuffleKey = (ulong)random.NextInt64();
    }

    /// <summary>The network being trained.</summary>
    public Mlp Model { get; }

    /// <summary>The optimizer.</summary>
    public IOptimizer Optimizer { get; }

    /// <summary>The optimizer's buffers (PyTorch's <c>state</c>).</summary>
    public OptimizerState<float> State { get; private set; }

    /// <summary>Examples per mini-batch.</summary>
    public int BatchSize { get; }

    /// <summary>Mini-batches per pass over the data (the last one may be short).</summary>
    public int StepsPerEpoch { get; }

    /// <summary>Mini-batches taken so far.</summary>
    public long Steps { get; private set; }

    /// <summary>Completed passes over the data, fractional (2.5 = halfway through the third epoch).</summary>
    public double Epochs => Steps / (double)StepsPerEpoch;

    /// <summary>Examples in the mini-batch the next <see cref="Step"/> will use.</summary>
    public int NextBatchRows
    {
        get
        {
            var start = (int)(Steps % StepsPerEpoch) * BatchSize;
            return Math.Min(BatchSize, _data.Count - start);
        }
    }

    /// <summary>
    /// One training step at rate <paramref name="lr"/> on the next mini-batch; returns the batch's mean
    /// loss, measured before the update (what PyTorch's <c>loss.item()</c> reports).
    /// </summary>
    public float Step(double lr)
    {
        var epoch = (int)(Steps / StepsPerEpoch);
        if (epoch != _orderEpoch)
        {
            BatchOrder.Shuffle(_order, _shuffleKey, epoch);
            _orderEpoch = epoch;
        }

        var start = (int)(Steps % StepsPerEpoch) * BatchSize;
        var rows = Math.Min(BatchSize, _data.Count - start);
        var features = _data.Features;
        var inputs = _data.Inputs.AsSpan();
        for (var r = 0; r < rows; r++)
        {
            var index = _order[start + r];
            inputs.Slice(index * features, features).CopyTo(_batchInputs.AsSpan(r * features, features));
            _batchLabels[r] = _data.Labels[index];
        }

        PrefetchNextBatch(start + rows);
        float loss;
        if (Optimizer is Sgd { IsPlain: true } sgd)
        {
            // Plain SGD steps W1 inside the weight-gradient product where the kernels can (same bits as the
            // separate pass, one fewer sweep over 100,000 weights and gradients); the rest is stepped here.
            loss = Model.ForwardBackward(_batchInputs.AsSpan(0, rows * features), _batchLabels.AsSpan(0, rows), (float)-lr, out var updated);
            sgd.Step<float>(Model.Parameters.AsSpan(updated), Model.Gradients.AsSpan(updated), State, lr);
        }
        else
        {
            loss = Model.ForwardBackward(_batchInputs.AsSpan(0, rows * features), _batchLabels.AsSpan(0, rows));
            Optimizer.Step<float>(Model.Parameters, Model.Gradients, State, lr);
        }

        Steps++;
        return loss;
    }

    /// <summary>
    /// Asks the cache to start loading the next mini-batch's rows (same epoch only) while this step computes, so the
    /// next gather copies from cache rather than waiting on memory (on x86; elsewhere it does nothing). Only for
    /// batches up to <see cref="PrefetchBytes"/>: measured here, batch 32 and 64 steps got 1–3 % faster, while at
    /// batch 256 (800 kB, most of the 1 MB L2 the step itself works in) the best step got 7 % slower.
    /// </summary>
    private unsafe void PrefetchNextBatch(int next)
    {
        var features = _data.Features;
        if (!Sse.IsSupported || next >= _data.Count || (long)BatchSize * features * sizeof(float) > PrefetchBytes)
        {
            return;
        }

        var end = Math.Min(next + BatchSize, _data.Count);
        fixed (float* inputs = _data.Inputs)
        {
            for (var r = next; r < end; r++)
            {
                var row = (byte*)(inputs + ((long)_order[r] * features));
                var bytes = features * sizeof(float);
                for (var offset = 0; offset < bytes; offset += 64)
                {
                    Sse.Prefetch1(row + offset);
                }
            }
        }
    }

    /// <summary>Copies of the weights, optimizer state and data position.</summary>
    public TrainerSnapshot Snapshot() => new((float[])Model.Parameters.Clone(), State.Clone(), Steps);

    /// <summary>Puts the weights, optimizer state and data position back as they were at <paramref name="snapshot"/>.</summary>
    public void Restore(TrainerSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Parameters.Length != Model.Parameters.Length)
        {
            throw new ArgumentException("snapshot of a different network", nameof(snapshot));
        }

        snapshot.Parameters.CopyTo(Model.Parameters, 0);
        State = snapshot.OptimizerState.Clone();
        Steps = snapshot.Steps;
    }

    /// <summary>Fraction of <paramref name="samples"/> the network classifies correctly, and their mean loss.</summary>
    public (double Accuracy, double MeanLoss) Evaluate(Samples samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var (loss, correct) = Model.Evaluate(samples.Inputs, samples.Labels);
        return (correct / (double)samples.Count, loss / samples.Count);
    }
}
