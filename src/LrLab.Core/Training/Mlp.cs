using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LrLab.Core.Training;

/// <summary>
/// A float32 multilayer perceptron inputs → hidden (ReLU) → outputs, trained with softmax cross-entropy:
/// PyTorch's <c>nn.Sequential(nn.Linear(inputs, hidden), nn.ReLU(), nn.Linear(hidden, outputs))</c>.
/// All weights live in one flat <see cref="Parameters"/> array and their gradients in one flat
/// <see cref="Gradients"/> array, in PyTorch's order and layout (<c>torch.cat([p.flatten() for p in
/// model.parameters()])</c>: W1 as hidden × inputs, b1, W2 as outputs × hidden, b2), so any
/// <see cref="Optimizers.IOptimizer"/> updates them unchanged. Every buffer is allocated up front for
/// <see cref="MaxBatch"/> rows: a training step allocates nothing.
/// </summary>
public sealed class Mlp : IDisposable
{
    private readonly float[] _hidden;
    private readonly float[] _logits;
    private readonly float[] _hiddenGradient;
    private readonly RowPartition _rows;
    private readonly IMatrixKernels? _replaced;

    /// <summary>Builds the network with all weights zero (call <see cref="Initialize"/>).</summary>
    /// <param name="inputs">Input features (784 for MNIST).</param>
    /// <param name="hidden">Hidden units.</param>
    /// <param name="outputs">Classes.</param>
    /// <param name="maxBatch">Largest number of rows passed at once.</param>
    /// <param name="threads">Threads sharing each matrix product (1 = all on the caller's thread; the managed kernels only).</param>
    /// <param name="kernels">The matrix products; null = <see cref="ManagedMatrixKernels"/>.</param>
    public Mlp(int inputs, int hidden, int outputs, int maxBatch, int threads = 1, IMatrixKernels? kernels = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hidden);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputs, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBatch);
        Inputs = inputs;
        Hidden = hidden;
        Outputs = outputs;
        MaxBatch = maxBatch;
        Parameters = new float[(hidden * inputs) + hidden + (outputs * hidden) + outputs];
        Gradients = new float[Parameters.Length];
        _hidden = new float[maxBatch * hidden];
        _logits = new float[maxBatch * outputs];
        _hiddenGradient = new float[maxBatch * hidden];
        _rows = new RowPartition(threads);
        _replaced = kernels is null or ManagedMatrixKernels ? null : kernels;
    }

    /// <summary>Input features.</summary>
    public int Inputs { get; }

    /// <summary>Hidden units.</summary>
    public int Hidden { get; }

    /// <summary>Output classes.</summary>
    public int Outputs { get; }

    /// <summary>Largest batch the buffers hold.</summary>
    public int MaxBatch { get; }

    /// <summary>Threads each matrix product is split over.</summary>
    public int Threads => _rows.Threads;

    /// <summary>The matrix products this network runs on.</summary>
    public IMatrixKernels Kernels => _replaced ?? ManagedMatrixKernels.Instance;

    /// <summary>All weights and biases, flat, in PyTorch's parameter order.</summary>
    public float[] Parameters { get; }

    /// <summary>The gradient of the last <see cref="ForwardBackward(ReadOnlySpan{float}, ReadOnlySpan{byte})"/>'s mean loss, same layout as <see cref="Parameters"/>.</summary>
    public float[] Gradients { get; }

    private Span<float> W1 => Parameters.AsSpan(0, Hidden * Inputs);

    private Span<float> B1 => Parameters.AsSpan(Hidden * Inputs, Hidden);

    private Span<float> W2 => Parameters.AsSpan((Hidden * Inputs) + Hidden, Outputs * Hidden);

    private Span<float> B2 => Parameters.AsSpan((Hidden * Inputs) + Hidden + (Outputs * Hidden), Outputs);

    /// <summary>
    /// PyTorch's default <c>nn.Linear</c> initialisation: <c>kaiming_uniform_(a=√5)</c> on the weight,
    /// which works out to U(−1/√fan_in, 1/√fan_in), and the same bound for the bias.
    /// Weights first, then bias, layer by layer, drawn from <paramref name="random"/>.
    /// </summary>
    public void Initialize(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Uniform(random, W1, Inputs);
        Uniform(random, B1, Inputs);
        Uniform(random, W2, Hidden);
        Uniform(random, B2, Hidden);
    }

    /// <summary>
    /// Forward and backward pass over <c>labels.Length</c> rows of <paramref name="inputs"/>: fills
    /// <see cref="Gradients"/> with the gradient of the mean cross-entropy and returns that mean.
    /// </summary>
    public float ForwardBackward(ReadOnlySpan<float> inputs, ReadOnlySpan<byte> labels) => ForwardBackward(inputs, labels, 0, out _);

    /// <summary>
    /// <see cref="ForwardBackward(ReadOnlySpan{float}, ReadOnlySpan{byte})"/>; when <paramref name="negLr"/> is
    /// not zero, also takes plain SGD's step θ ← fma(g, −lr, θ) on W1 inside the weight-gradient product where
    /// the kernels allow it (AVX-512, one thread). <paramref name="updated"/> tells how many leading parameters
    /// (W1's, or none) were stepped; <see cref="Gradients"/> is complete either way.
    /// </summary>
    internal float ForwardBackward(ReadOnlySpan<float> inputs, ReadOnlySpan<byte> labels, float negLr, out int updated)
    {
        var rows = CheckBatch(inputs, labels);
        Forward(inputs, rows);
        var logits = _logits.AsSpan(0, rows * Outputs);
        var loss = SoftmaxCrossEntropy.LossAndGradient(logits, labels, Outputs);

        // logits now hold dL/dz2 (rows × outputs).
        var grad = Gradients.AsSpan();
        var gW1 = grad[..(Hidden * Inputs)];
        var gB1 = grad.Slice(Hidden * Inputs, Hidden);
        var gW2 = grad.Slice((Hidden * Inputs) + Hidden, Outputs * Hidden);
        var gB2 = grad.Slice((Hidden * Inputs) + Hidden + (Outputs * Hidden), Outputs);
        var hidden = _hidden.AsSpan(0, rows * Hidden);
        var dHidden = _hiddenGradient.AsSpan(0, rows * Hidden);

        // dW2 = dZ2ᵀ·H (outputs × hidden), db2 = column sums of dZ2.
        Kernels.MultiplyTransposeA(logits, hidden, gW2, Outputs, Hidden, rows);
        ColumnSums(logits, rows, Outputs, gB2);

        // dH = dZ2·W2 (rows × hidden), then through the ReLU: zero where the unit was off.
        Kernels.Multiply(logits, W2, dHidden, rows, Hidden, Outputs);
        ReluGate(hidden, dHidden);

        // dW1 = dZ1ᵀ·X (hidden × inputs): the big product, split over threads by rows of dW1.
        updated = 0;
        if (_replaced is not null)
        {
            _replaced.MultiplyTransposeA(dHidden, inputs, gW1, Hidden, Inputs, rows);
        }
        else if (negLr != 0 && Threads == 1 && Gemm.MultiplyTransposeAThenSgd(dHidden, inputs, gW1, Hidden, Inputs, rows, W1, negLr))
        {
            updated = gW1.Length;
        }
        else
        {
            _rows.MultiplyTransposeA(dHidden, inputs, gW1, Hidden, Inputs, rows);
        }

        ColumnSums(dHidden, rows, Hidden, gB1);
        return loss;
    }

    /// <summary>Sum of the cross-entropy losses and the number of correct predictions over all rows of <paramref name="inputs"/>.</summary>
    public (double LossSum, int Correct) Evaluate(ReadOnlySpan<float> inputs, ReadOnlySpan<byte> labels)
    {
        if (inputs.Length != labels.Length * Inputs)
        {
            throw new ArgumentException($"inputs hold {inputs.Length} values, expected {labels.Length} × {Inputs}", nameof(inputs));
        }

        var total = 0.0;
        var correct = 0;
        for (var start = 0; start < labels.Length; start += MaxBatch)
        {
            var rows = Math.Min(MaxBatch, labels.Length - start);
            Forward(inputs.Slice(start * Inputs, rows * Inputs), rows);
            var (loss, right) = SoftmaxCrossEntropy.Score(_logits.AsSpan(0, rows * Outputs), labels.Slice(start, rows), Outputs);
            total += loss;
            correct += right;
        }

        return (total, correct);
    }

    /// <summary>The logits (rows × outputs) of the last forward pass, before the softmax.</summary>
    public ReadOnlySpan<float> Logits(ReadOnlySpan<float> inputs)
    {
        var rows = inputs.Length / Inputs;
        if (rows * Inputs != inputs.Length || rows > MaxBatch)
        {
            throw new ArgumentException($"inputs must be whole rows of {Inputs}, at most {MaxBatch}", nameof(inputs));
        }

        Forward(inputs, rows);
        return _logits.AsSpan(0, rows * Outputs);
    }

    /// <inheritdoc/>
    public void Dispose() => _rows.Dispose();

    private void Forward(ReadOnlySpan<float> inputs, int rows)
    {
        // H = relu(X·W1ᵀ + b1), the bias and ReLU fused into the product; Z2 = H·W2ᵀ + b2.
        if (_replaced is not null)
        {
            _replaced.MultiplyTransposeB(inputs, W1, _hidden, rows, Hidden, Inputs, B1, true);
        }
        else
        {
            _rows.MultiplyTransposeB(inputs, W1, _hidden, rows, Hidden, Inputs, B1, relu: true);
        }

        Kernels.MultiplyTransposeB(_hidden.AsSpan(0, rows * Hidden), W2, _logits, rows, Outputs, Hidden, B2, false);
    }

    private int CheckBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<byte> labels)
    {
        var rows = labels.Length;
        if (rows == 0 || rows > MaxBatch)
        {
            throw new ArgumentException($"batch of {rows} rows, expected 1 to {MaxBatch}", nameof(labels));
        }

        if (inputs.Length != rows * Inputs)
        {
            throw new ArgumentException($"inputs hold {inputs.Length} values, expected {rows} × {Inputs}", nameof(inputs));
        }

        foreach (var label in labels)
        {
            if (label >= Outputs)
            {
                throw new ArgumentException($"label {label} is not below {Outputs}", nameof(labels));
            }
        }

        return rows;
    }

    /// <summary>
    /// Zeroes the gradient wherever the unit was off (not above zero, NaN included): whole vectors with a
    /// select, no branch per element (a branch mispredicts on about half of the units).
    /// </summary>
    private static void ReluGate(ReadOnlySpan<float> hidden, Span<float> gradient)
    {
        ref var h = ref MemoryMarshal.GetReference(hidden);
        ref var d = ref MemoryMarshal.GetReference(gradient);
        var i = 0;
        if (Gemm.KernelWidth >= 512)
        {
            for (; i + Vector512<float>.Count <= gradient.Length; i += Vector512<float>.Count)
            {
                var on = Vector512.GreaterThan(Vector512.LoadUnsafe(ref h, (nuint)i), Vector512<float>.Zero);
                (Vector512.LoadUnsafe(ref d, (nuint)i) & on).StoreUnsafe(ref d, (nuint)i);
            }
        }

        if (Gemm.KernelWidth >= 256)
        {
            for (; i + Vector256<float>.Count <= gradient.Length; i += Vector256<float>.Count)
            {
                var on = Vector256.GreaterThan(Vector256.LoadUnsafe(ref h, (nuint)i), Vector256<float>.Zero);
                (Vector256.LoadUnsafe(ref d, (nuint)i) & on).StoreUnsafe(ref d, (nuint)i);
            }
        }

        for (; i < gradient.Length; i++)
        {
            if (!(hidden[i] > 0))
            {
                gradient[i] = 0;
            }
        }
    }

    private static void ColumnSums(ReadOnlySpan<float> matrix, int rows, int columns, Span<float> sums)
    {
        matrix[..columns].CopyTo(sums);
        for (var i = 1; i < rows; i++)
        {
            TensorPrimitives.Add(sums, matrix.Slice(i * columns, columns), sums);
        }
    }

    private static void Uniform(Random random, Span<float> values, int fanIn)
    {
        var bound = 1.0 / Math.Sqrt(fanIn);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(((2 * random.NextDouble()) - 1) * bound);
        }
    }
}
