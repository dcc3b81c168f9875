using LrLab.Core.Surfaces;
using LrLab.Core.Theory;

namespace LrLab.Cli.Commands;

/// <summary>One line of `lrlab surfaces`.</summary>
internal sealed record SurfaceRow(
    string Name,
    string Formula,
    int Dimension,
    IReadOnlyList<double>? Minimum,
    double? LambdaMin,
    double? LambdaMax,
    double? ConditionNumber,
    double? StabilityLimit,
    IReadOnlyList<double> DefaultStart,
    bool Stochastic,
    ViewBox View)
{
    public static SurfaceRow From(Surface s) => new(
        s.Name,
        s.Formula,
        s.Dimension,
        s.Curvature?.Minimum,
        s.Curvature?.LambdaMin,
        s.Curvature?.LambdaMax,
        s.Curvature?.ConditionNumber,
        RateTheory.GradientDescent(s.Curvature)?.StabilityLimit,
        s.DefaultStart,
        s.IsStochastic,
        s.View);
}
