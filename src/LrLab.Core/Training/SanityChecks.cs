namespace LrLab.Core.Training;

/// <summary>
/// The first checks of a new training run (Karpathy, "A Recipe for Training Neural Networks", 2019): the initial
/// loss should be that of a uniform guess, ln C for C balanced classes; the network should be able to drive the
/// loss of one small batch to nearly zero; and each update should move a layer by about 1e-3 of its size.
/// </summary>
public static class SanityChecks
{
    /// <summary>Typical ‖Δθ‖/‖θ‖ per layer and update; far below, the rate is too small, far above, too large.</summary>
    public const double TypicalUpdateRatio = 1e-3;

    /// <summary>ln C: the cross-entropy of predicting 1/C for every class, what an untrained network should score.</summary>
    public static double ChanceLoss(int classes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        return Math.Log(classes);
    }

    /// <summary>Mean cross-entropy of <paramref name="model"/> over <paramref name="samples"/>.</summary>
    public static double MeanLoss(Mlp model, Samples samples)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(samples);
        return model.Evaluate(samples.Inputs, samples.Labels).LossSum / samples.Count;
    }

    /// <summary>The first <paramref name="count"/> examples of <paramref name="samples"/> as a set of their own (the batch to overfit).</summary>
    public static Samples FirstBatch(Samples samples, int count)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, samples.Count);
        return new Samples(samples.Inputs[..(count * samples.Features)], samples.Labels[..count], samples.Features);
    }

    /// <summary>
    /// ‖Δθ‖/‖θ‖ of each layer between <paramref name="before"/> and the model's current weights, in the flat PyTorch
    /// layout of <see cref="Mlp.Parameters"/> (fc1 = W1 and b1, then fc2 = W2 and b2).
    /// </summary>
    public static IReadOnlyList<LayerRatio> UpdateRatios(Mlp model, ReadOnlySpan<float> before)
    {
        ArgumentNullException.ThrowIfNull(model);
        var now = model.Parameters.AsSpan();
        if (before.Length != now.Length)
        {
            throw new ArgumentException("weights of a different network", nameof(before));
        }

        var split = (model.Hidden * model.Inputs) + model.Hidden;
        return
        [
            new LayerRatio("fc1", RelativeChange(before[..split], now[..split])),
            new LayerRatio("fc2", RelativeChange(before[split..], now[split..])),
        ];
    }

    /// <summary>‖after − before‖/‖before‖, summed in float64 (the update-to-weight ratio of one layer); +∞ for zero weights.</summary>
    internal static double RelativeChange(ReadOnlySpan<float> before, ReadOnlySpan<float> after)
    {
        double moved = 0, size = 0;
        for (var i = 0; i < before.Length; i++)
        {
            double d = after[i] - (double)before[i];
            moved += d * d;
            size += (double)before[i] * before[i];
        }

        return size > 0 ? Math.Sqrt(moved / size) : double.PositiveInfinity;
    }
}
