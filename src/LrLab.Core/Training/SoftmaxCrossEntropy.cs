namespace LrLab.Core.Training;

/// <summary>
/// Softmax cross-entropy over rows of logits, PyTorch's <c>F.cross_entropy</c> with mean reduction.
/// Numerically stable: each row is shifted by its maximum before exponentiating, and the loss is
/// logsumexp(z) − z[label] rather than −log(softmax).
/// </summary>
public static class SoftmaxCrossEntropy
{
    /// <summary>
    /// Mean loss of the <c>labels.Length</c> rows of <paramref name="logits"/> (row-major, <paramref name="classes"/>
    /// per row); overwrites the logits with the gradient of that mean, (softmax − one-hot)/rows.
    /// </summary>
    public static float LossAndGradient(Span<float> logits, ReadOnlySpan<byte> labels, int classes)
    {
        var rows = labels.Length;
        var scale = 1f / rows;
        var total = 0.0;
        for (var i = 0; i < rows; i++)
        {
            var z = logits.Slice(i * classes, classes);
            var logSumExp = LogSumExp(z);
            total += logSumExp - z[labels[i]];
            for (var c = 0; c < classes; c++)
            {
                z[c] = MathF.Exp(z[c] - logSumExp) * scale;
            }

            z[labels[i]] -= scale;
        }

        return (float)(total / rows);
    }

    /// <summary>Sum of the losses of the rows and how many rows' largest logit is the label.</summary>
    public static (double LossSum, int Correct) Score(ReadOnlySpan<float> logits, ReadOnlySpan<byte> labels, int classes)
    {
        var total = 0.0;
        var correct = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var z = logits.Slice(i * classes, classes);
            total += LogSumExp(z) - z[labels[i]];
            var best = 0;
            for (var c = 1; c < classes; c++)
            {
                if (z[c] > z[best])
                {
                    best = c;
                }
            }

            if (best == labels[i])
            {
                correct++;
            }
        }

        return (total, correct);
    }

    private static float LogSumExp(ReadOnlySpan<float> z)
    {
        var max = float.NegativeInfinity;
        foreach (var v in z)
        {
            max = MathF.Max(max, v);
        }

        if (float.IsInfinity(max))
        {
            return max;
        }

        var sum = 0f;
        foreach (var v in z)
        {
            sum += MathF.Exp(v - max);
        }

        return max + MathF.Log(sum);
    }
}
