namespace LrLab.Core.Training;

/// <summary>
/// A set of labelled examples: <see cref="Count"/> rows of <see cref="Features"/> float32 inputs stored
/// row after row in <see cref="Inputs"/>, and one class label per row in <see cref="Labels"/>.
/// </summary>
public sealed class Samples
{
    /// <summary>Wraps the arrays (not copied). <paramref name="inputs"/> must hold labels.Length × features values.</summary>
    public Samples(float[] inputs, byte[] labels, int features)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(features);
        if (inputs.Length != (long)labels.Length * features)
        {
            throw new ArgumentException($"inputs hold {inputs.Length} values, expected {labels.Length} × {features}", nameof(inputs));
        }

        Inputs = inputs;
        Labels = labels;
        Features = features;
    }

    /// <summary>The inputs, row-major (<see cref="Count"/> × <see cref="Features"/>).</summary>
    public float[] Inputs { get; }

    /// <summary>The class label of each row.</summary>
    public byte[] Labels { get; }

    /// <summary>Values per row (784 for MNIST).</summary>
    public int Features { get; }

    /// <summary>Number of rows.</summary>
    public int Count => Labels.Length;

    /// <summary>The inputs of row <paramref name="index"/>.</summary>
    public ReadOnlySpan<float> Row(int index) => Inputs.AsSpan(index * Features, Features);
}
