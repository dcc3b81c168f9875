namespace LrLab.Core.Finder;

/// <summary>
/// The coarse search a practitioner would run before (or instead of) a range test: three rates an order
/// of magnitude apart. SGD-style optimizers take the MNIST-scale grid 0.01 / 0.1 / 1.0; the adaptive ones
/// (Adam family, RMSprop), whose steps are normalised by the gradient's size, take 1e-4 / 1e-3 / 1e-2.
/// </summary>
public static class CoarseGrid
{
    /// <summary>The grid for SGD, momentum, Nesterov and Adagrad.</summary>
    public static IReadOnlyList<double> Sgd { get; } = [0.01, 0.1, 1.0];

    /// <summary>The grid for Adam, AdamW, NAdam, RAdam and RMSprop.</summary>
    public static IReadOnlyList<double> Adaptive { get; } = [1e-4, 1e-3, 1e-2];

    /// <summary>The grid that suits <paramref name="optimizer"/> (a factory name, case-insensitive).</summary>
    public static IReadOnlyList<double> For(string optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        return optimizer.Trim().ToUpperInvariant() switch
        {
            "ADAM" or "ADAMW" or "NADAM" or "RADAM" or "RMSPROP" => Adaptive,
            _ => Sgd,
        };
    }
}
