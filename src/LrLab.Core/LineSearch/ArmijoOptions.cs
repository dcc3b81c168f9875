using System.Globalization;

namespace LrLab.Core.LineSearch;

/// <summary>
/// Backtracking parameters: try the initial step, then multiply it by <see cref="Shrink"/> (ρ) until the Armijo
/// condition L(θ − α·g) ≤ L(θ) − c·α·‖g‖² holds, at most <see cref="MaxProbes"/> tries per update.
/// </summary>
public sealed record ArmijoOptions
{
    /// <summary>The usual halving, ρ = 0.5.</summary>
    public const double DefaultShrink = 0.5;

    /// <summary>The textbook sufficient-decrease constant, c = 1e-4.</summary>
    public const double DefaultC = 1e-4;

    /// <summary>Most probes per update unless told otherwise.</summary>
    public const int DefaultMaxProbes = 20;

    /// <summary>ρ in (0, 1): the factor a rejected step is multiplied by.</summary>
    public double Shrink { get; init; } = DefaultShrink;

    /// <summary>c in (0, 1): the fraction of the first-order decrease a step must achieve (1e-4 is the textbook choice).</summary>
    public double C { get; init; } = DefaultC;

    /// <summary>Most probes per update (at least 1).</summary>
    public int MaxProbes { get; init; } = DefaultMaxProbes;

    /// <summary>Throws <see cref="InputException"/> naming the parameter of a value out of range.</summary>
    public ArmijoOptions Validate()
    {
        if (!(Shrink > 0 && Shrink < 1))
        {
            throw InputException.For("shrink", string.Create(CultureInfo.InvariantCulture, $"must be between 0 and 1 (exclusive), got {Shrink}"));
        }

        if (!(C > 0 && C < 1))
        {
            throw InputException.For("c", string.Create(CultureInfo.InvariantCulture, $"must be between 0 and 1 (exclusive), got {C}"));
        }

        if (MaxProbes is < 1 or > 100)
        {
            throw InputException.For("max_probes", string.Create(CultureInfo.InvariantCulture, $"must be between 1 and 100, got {MaxProbes}"));
        }

        return this;
    }
}
