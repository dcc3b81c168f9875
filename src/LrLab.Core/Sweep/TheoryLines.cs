using System.Text.Json.Serialization;
using LrLab.Core.Theory;

namespace LrLab.Core.Sweep;

/// <summary>
/// The rates of <see cref="RateTheory"/> a sweep draws as lines, flattened for the CLI's JSON.
/// All <c>null</c> when the surface has no known minimum.
/// </summary>
/// <param name="LambdaMin">Smallest curvature at the minimum (plus weight decay for SGD).</param>
/// <param name="LambdaMax">Largest curvature at the minimum (plus weight decay for SGD).</param>
/// <param name="MonotoneLimit">1/λmax: below it plain gradient descent approaches the minimum without overshooting.</param>
/// <param name="OptimalRate">2/(λmin + λmax): the fixed rate that shrinks the slowest direction fastest.</param>
/// <param name="StabilityLimit">2/λmax: plain gradient descent diverges above it.</param>
/// <param name="MomentumLimit">
/// With SGD momentum, the rate above which the run diverges (<see cref="RateTheory.StabilityLimit"/>):
/// (2 + 2β)/((1 − τ)·λmax) for heavy-ball SGD, (2 + 2β)/((1 + 2β)·λmax) for Nesterov; <c>null</c> otherwise.
/// </param>
/// <param name="Momentum">The β that <paramref name="MomentumLimit"/> uses.</param>
public sealed record TheoryLines(
    double? LambdaMin,
    double? LambdaMax,
    double? MonotoneLimit,
    double? OptimalRate,
    double? StabilityLimit,
    double? MomentumLimit,
    double? Momentum)
{
    /// <summary>No theory (unknown curvature).</summary>
    public static TheoryLines None { get; } = new(null, null, null, null, null, null, null);

    /// <summary>The formula of <see cref="MomentumLimit"/>, e.g. <c>(2+2β)/((1+2β)λmax)</c> for Nesterov.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? MomentumFormula { get; init; }

    /// <summary>
    /// The rate above which this optimizer diverges, if theory gives one: <see cref="MomentumLimit"/> with momentum,
    /// else 2/λmax for plain gradient descent; null for adaptive optimizers and line search.
    /// </summary>
    [JsonIgnore]
    public double? Limit { get; init; }

    /// <summary>The lines of <paramref name="theory"/> (<see cref="None"/> when null).</summary>
    public static TheoryLines From(RateTheory? theory) => theory is null
        ? None
        : new TheoryLines(
            theory.LambdaMin,
            theory.LambdaMax,
            theory.MonotoneLimit,
            theory.OptimalRate,
            theory.GradientDescentLimit,
            theory.HasMomentum ? theory.StabilityLimit : null,
            theory.HasMomentum ? theory.Momentum : null)
        {
            MomentumFormula = theory.HasMomentum ? theory.LimitFormula : null,
            Limit = theory.StabilityLimit,
        };
}
