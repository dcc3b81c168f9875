namespace LrLab.Core.Finder;

/// <summary>One stretch of a range-test curve, as indices into the recorded points and as rates.</summary>
/// <param name="Kind">flat, descending, best or climbing.</param>
/// <param name="Start">First point of the stretch.</param>
/// <param name="End">One past its last point.</param>
/// <param name="FromLr">Rate at <paramref name="Start"/>.</param>
/// <param name="ToLr">Rate at the last point (<paramref name="End"/> − 1).</param>
public sealed record CurveRegion(RegionKind Kind, int Start, int End, double FromLr, double ToLr);
