namespace LrLab.Web.Learn;

/// <summary>A short recorded loss sequence drawn as a small chart; NaN and infinity mark a blow-up.</summary>
/// <param name="Label">Legend text, e.g. "lr 0.1".</param>
/// <param name="Losses">Loss per epoch.</param>
public sealed record LossCurve(string Label, IReadOnlyList<double> Losses);
