namespace LrLab.Core.Sweep;

/// <summary>
/// Rates that the quadratic model around the minimum predicts, from the Hessian eigenvalues λmin ≤ λmax.
/// All <c>null</c> when the surface has no known minimum.
/// </summary>
/// <param name="LambdaMin">Smallest Hessian eigenvalue at the minimum.</param>
/// <param name="LambdaMax">Largest Hessian eigenvalue at the minimum.</param>
/// <param name="MonotoneLimit">1/λmax: below it plain gradient descent approaches the minimum without overshooting.</param>
/// <param name="OptimalRate">2/(λmin + λmax): the fixed rate that shrinks the slowest direction fastest.</param>
/// <param name="StabilityLimit">2/λmax: plain gradient descent diverges above it.</param>
/// <param name="MomentumLimit">
/// With momentum β (and dampening τ), the rate above which the run diverges: (2 + 2β)/((1 − τ)·λmax) for heavy-ball
/// SGD, (2 + 2β)/((1 + 2β)·λmax) for Nesterov; <c>null</c> for optimizers without SGD momentum.
/// </param>
/// <param name="Momentum">The β that <paramref name="MomentumLimit"/> uses.</param>
public sealed record TheoryLines(
    double? LambdaMin,
    double? LambdaMax,
    double? MonotoneLimit,
    double? OptimalRate,
    double? StabilityLimit,
    double? MomentumLimit,
    double? Momentum);
