namespace LrLab.Core.Sweep;

/// <summary>The same sweep for several optimizers, side by side (e.g. SGD's cliff against Adam's wide basin).</summary>
/// <param name="Surface">Surface name (or formula).</param>
/// <param name="Steps">Updates per run.</param>
/// <param name="Sweeps">One sweep per optimizer, in the order asked for, over the same rates.</param>
public sealed record SweepComparison(string Surface, int Steps, IReadOnlyList<SweepResult> Sweeps);
