
namespace LrLab.Core.Sweep;

/// <summary>
/// A stretch of neighbouring swept rates with the same verdict, for shading a chart. Edges between bands sit at the
/// geometric midpoint of the two rates on either side (the middle on a log axis).
/// </summary>
/// <param name="From">Lower edge of the band.</param>
/// <param name="To">Upper edge of the band.</param>
/// <param name="Verdict">The verdict every rate in the band received.</param>
public sealed record RegimeBand(double From, double To, Verdict Verdict);
