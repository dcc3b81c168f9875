using System.Numerics.Tensors;

namespace LrLab.Core.Training;

/// <summary>
/// Exact Hessian-vector products of an <see cref="Mlp"/>'s mean cross-entropy over a fixed set of examples, by
/// Pearlmutter's R-operator (forward-over-reverse): the forward pass and the backward pass are differentiated once
/// more along the direction v, which gives H·v at the cost of about one training step and without forming H
/// (PyTorch's <c>autograd.grad(grad·v, params)</c> computes the same thing by double backward).
/// With X the inputs, A = relu(X·W1ᵀ + b1), Z = A·W2ᵀ + b2, P = softmax(Z), G = (P − Y)/N and the direction
/// v = (V1, c1, V2, c2):
/// R(A) = (X·V1ᵀ + c1) ⊙ [A &gt; 0], R(Z) = R(A)·W2ᵀ + A·V2ᵀ + c2, R(G) = P ⊙ (R(Z) − ⟨P, R(Z)⟩)/N,
/// H·v = (R(G1)ᵀ·X, Σ R(G1), R(G)ᵀ·A + Gᵀ·R(A), Σ R(G)) with R(G1) = (R(G)·W2 + G·V2) ⊙ [A &gt; 0]
/// (the ReLU's second derivative is zero almost everywhere). Every buffer is allocated here, once.
/// </summary>
public sealed class MlpHessian
{
    private readonly Mlp _model;
    private readonly float[] _inputs;
    private readonly byte[] _labels;
    private readonly int _rows;
    private readonly float[] _hidden;
    private readonly float[] _probabilities;
    private readonly float[] _outputGradient;
    private readonly float[] _rHidden;
    private readonly float[] _rHiddenGradient;
    private readonly float[] _rLogits;
    private readonly float[] _scratch;
    private readonly float[] _weightScratch;

    /// <summary>Products at <paramref name="model"/>'s current weights over the examples of <paramref name="samples"/> (kept, not copied).</summary>
    public MlpHessian(Mlp model, Samples samples)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Features != model.Inputs)
        {
            throw new ArgumentException($"samples have {samples.Features} features, the model takes {model.Inputs}", nameof(samples));
        }

        if (samples.Count == 0)
        {
            throw new ArgumentException("no examples", nameof(samples));
        }

        _model = model;
        _inputs = samples.Inputs;
        _labels = samples.Labels;
        _rows = samples.Count;
        var h = model.Hidden;
        var c = model.Outputs;
        _hidden = new float[_rows * h];
        _probabilities = new float[_rows * c];
        _outputGradient = new float[_rows * c];
        _rHidden = new float[_rows * h];
        _rHiddenGradient = new float[_rows * h];
        _rLogits = new float[_rows * c];
        _scratch = new float[_rows * c];
        _weightScratch = new float[c * h];
    }

    /// <summary>Length of the vectors (all the model's parameters).</summary>
    public int Dimension => _model.Parameters.Length;

    /// <summary>Examples the loss is averaged over.</summary>
    public int Rows => _rows;

    /// <summary>
    /// Runs the forward pass at the model's current weights and keeps what every product needs; returns the mean
    /// loss there. Call it again whenever the weights change.
    /// </summary>
    public double Prepare()
    {
        var (d, h, c) = (_model.Inputs, _model.Hidden, _model.Outputs);
        var p = _model.Parameters.AsSpan();
        var w1 = p[..(h * d)];
        var b1 = p.Slice(h * d, h);
        var w2 = p.Slice((h * d) + h, c * h);
        var b2 = p.Slice((h * d) + h + (c * h), c);
        _model.Kernels.MultiplyTransposeB(_inputs.AsSpan(0, _rows * d), w1, _hidden, _rows, h, d, b1, true);
        _model.Kernels.MultiplyTransposeB(_hidden, w2, _probabilities, _rows, c, h, b2, false);
        var total = 0.0;
        var scale = 1f / _rows;
        for (var i = 0; i < _rows; i++)
        {
            var z = _probabilities.AsSpan(i * c, c);
            var max = TensorPrimitives.Max(z);
            var label = _labels[i];
            var sum = 0f;
            for (var k = 0; k < c; k++)
            {
                sum += MathF.Exp(z[k] - max);
            }

            var logSumExp = max + MathF.Log(sum);
            total += logSumExp - z[label];
            var g = _outputGradient.AsSpan(i * c, c);
            for (var k = 0; k < c; k++)
            {
                z[k] = MathF.Exp(z[k] - logSumExp);
                g[k] = z[k] * scale;
            }

            g[label] -= scale;
        }

        return total / _rows;
    }

    /// <summary><paramref name="result"/> = H·<paramref name="vector"/> at the weights of the last <see cref="Prepare"/>; allocates nothing.</summary>
    public void Multiply(ReadOnlySpan<float> vector, Span<float> result)
    {
        var (d, h, c) = (_model.Inputs, _model.Hidden, _model.Outputs);
        if (vector.Length != Dimension || result.Length != Dimension)
        {
            throw new ArgumentException($"vectors must have {Dimension} values");
        }

        var p = _model.Parameters.AsSpan();
        var w2 = p.Slice((h * d) + h, c * h);
        var v1 = vector[..(h * d)];
        var c1 = vector.Slice(h * d, h);
        var v2 = vector.Slice((h * d) + h, c * h);
        var c2 = vector.Slice((h * d) + h + (c * h), c);
        var r1 = result[..(h * d)];
        var rb1 = result.Slice(h * d, h);
        var r2 = result.Slice((h * d) + h, c * h);
        var rb2 = result.Slice((h * d) + h + (c * h), c);
        var x = _inputs.AsSpan(0, _rows * d);
        var a = _hidden.AsSpan();
        var rA = _rHidden.AsSpan();

        // R(A) = (X·V1ᵀ + c1) where the unit is on.
        _model.Kernels.MultiplyTransposeB(x, v1, rA, _rows, h, d, c1, false);
        Mask(rA, a);

        // R(Z) = R(A)·W2ᵀ + A·V2ᵀ + c2.
        var rZ = _rLogits.AsSpan();
        _model.Kernels.MultiplyTransposeB(rA, w2, rZ, _rows, c, h, c2, false);
        _model.Kernels.MultiplyTransposeB(a, v2, _scratch, _rows, c, h, default, false);
        TensorPrimitives.Add(rZ, _scratch, rZ);

        // R(G) = P ⊙ (R(Z) − ⟨P, R(Z)⟩) / N, written over R(Z).
        var scale = 1f / _rows;
        for (var i = 0; i < _rows; i++)
        {
            var pi = _probabilities.AsSpan(i * c, c);
            var ri = rZ.Slice(i * c, c);
            var mean = TensorPrimitives.Dot(pi, ri);
            for (var k = 0; k < c; k++)
            {
                ri[k] = pi[k] * (ri[k] - mean) * scale;
            }
        }

        // Second layer: R(dW2) = R(G)ᵀ·A + Gᵀ·R(A), R(db2) = Σ R(G).
        _model.Kernels.MultiplyTransposeA(rZ, a, r2, c, h, _rows);
        _model.Kernels.MultiplyTransposeA(_outputGradient, rA, _weightScratch, c, h, _rows);
        TensorPrimitives.Add(r2, _weightScratch, r2);
        ColumnSums(rZ, _rows, c, rb2);

        // R(dA) = R(G)·W2 + G·V2 (R(A) is no longer needed: its buffer takes G·V2), then the ReLU mask.
        var rG1 = _rHiddenGradient.AsSpan();
        _model.Kernels.Multiply(rZ, w2, rG1, _rows, h, c);
        _model.Kernels.Multiply(_outputGradient, v2, rA, _rows, h, c);
        TensorPrimitives.Add(rG1, rA, rG1);
        Mask(rG1, a);

        // First layer: R(dW1) = R(G1)ᵀ·X, R(db1) = Σ R(G1).
        _model.Kernels.MultiplyTransposeA(rG1, x, r1, h, d, _rows);
        ColumnSums(rG1, _rows, h, rb1);
    }

    private static void Mask(Span<float> values, ReadOnlySpan<float> activations)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!(activations[i] > 0))
            {
                values[i] = 0;
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
}
