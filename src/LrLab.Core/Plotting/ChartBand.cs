namespace LrLab.Core.Plotting;

/// <summary>A shaded vertical stripe from <paramref name="From"/> to <paramref name="To"/> on the x axis (a regime of rates).</summary>
/// <param name="From">Left edge (data units).</param>
/// <param name="To">Right edge (data units).</param>
/// <param name="Label">Legend text; bands with the same label share one legend entry.</param>
/// <param name="Color">Fill colour (CSS), drawn translucent.</param>
public sealed record ChartBand(double From, double To, string Label, string Color);
