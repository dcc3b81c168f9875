namespace LrLab.Web.Learn;

/// <summary>A short recorded loss sequence drawn as a small chart; NaN and infinity mark a blow-up.</summary>
/// <param name="Label">Legend text, e.g. "lr 0.1".</param>
/// <param name="Losses">Loss per epoch.</param>
/// <param name="Lr">The learning rate the curve was recorded at (helps the diagnosis suggest a rate).</param>
public sealed record LossCurve(string Label, IReadOnlyList<double> Losses, double? Lr = null);
