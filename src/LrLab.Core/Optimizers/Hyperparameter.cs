using System.Globalization;

namespace LrLab.Core.Optimizers;

/// <summary>
/// The constructor checks torch.optim performs, phrased as one-line <see cref="InputException"/>s that
/// name the PyTorch parameter. Written as <c>!(x &gt;= 0)</c> like PyTorch's <c>not 0.0 &lt;= x</c>, so NaN
/// is rejected too.
/// </summary>
internal static class Hyperparameter
{
    /// <summary>Rejects a negative (or NaN) value of the named parameter.</summary>
    public static double NonNegative(double value, string name)
    {
        if (!(value >= 0))
        {
            throw new InputException($"invalid {name}: {Format(value)} (must be >= 0)");
        }

        return value;
    }

    /// <summary>Rejects a beta outside [0, 1); <paramref name="index"/> is its place in <c>betas</c>.</summary>
    public static double Beta(double value, int index)
    {
        if (!(value >= 0 && value < 1))
        {
            throw new InputException($"invalid betas[{index}]: {Format(value)} (must be in [0, 1))");
        }

        return value;
    }

    /// <summary>Rejects <c>maximize</c> on optimizers whose PyTorch 1.13 version has no such option.</summary>
    public static void NoMaximize(OptimizerOptions options, string optimizer)
    {
        if (options.Maximize)
        {
            throw new InputException($"invalid maximize: {optimizer} has no maximize option in PyTorch 1.13");
        }
    }

    /// <summary>Round-trip, culture-invariant text for a number in a message.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
