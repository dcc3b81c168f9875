namespace LrLab.Core.Surfaces;

/// <summary>The minimum of a surface and the eigenvalues of its Hessian there.</summary>
/// <param name="Minimum">Coordinates of the (reference) minimum.</param>
/// <param name="LambdaMin">Smallest Hessian eigenvalue at the minimum.</param>
/// <param name="LambdaMax">Largest Hessian eigenvalue at the minimum.</param>
public sealed record Curvature(IReadOnlyList<double> Minimum, double LambdaMin, double LambdaMax)
{
    /// <summary>λmax / λmin: how much narrower the valley is across than along.</summary>
    public double ConditionNumber => LambdaMax / LambdaMin;

    /// <summary>2/(λmin + λmax): the fastest fixed rate for plain gradient descent on the quadratic model.</summary>
    public double OptimalRate => 2.0 / (LambdaMin + LambdaMax);
}
