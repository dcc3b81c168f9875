using LrLab.Core.Sweep;

namespace LrLab.Core.Plotting;

/// <summary>One optimizer's line of a sweep chart: its rows (possibly the first of them only) and its theory lines.</summary>
/// <param name="Optimizer">Legend text.</param>
/// <param name="Rows">The swept rates computed so far, in rate order.</param>
/// <param name="Theory">The optimizer's theory lines on the surface.</param>
public sealed record SweepLine(string Optimizer, IReadOnlyList<SweepRow> Rows, TheoryLines Theory);
