namespace LrLab.Core.Theory;

/// <summary>A rate the quadratic model singles out (the lab marks it on the slider, the sweep draws it as a line).</summary>
/// <param name="Lr">The rate.</param>
/// <param name="Label">Its formula, e.g. <c>2/λmax</c>.</param>
/// <param name="Meaning">What happens on either side of it, with the numbers.</param>
public sealed record TheoryMark(double Lr, string Label, string Meaning);
