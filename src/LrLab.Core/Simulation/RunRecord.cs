namespace LrLab.Core.Simulation;

/// <summary>
/// A run recorded as flat arrays: <c>Losses[k]</c> and <c>Parameters[k·Dims .. (k+1)·Dims)</c> are the state
/// after k updates. <see cref="BlowUp"/> is the first update whose loss, parameters or gradient stopped being finite.
/// </summary>
internal readonly ref struct RunRecord(ReadOnlySpan<double> losses, ReadOnlySpan<double> parameters, int dims, int? blowUp)
{
    public ReadOnlySpan<double> Losses { get; } = losses;

    public ReadOnlySpan<double> Parameters { get; } = parameters;

    public int Dims { get; } = dims;

    public int? BlowUp { get; } = blowUp;

    /// <summary>The losses before the blow-up (all of them when the run stayed finite).</summary>
    public ReadOnlySpan<double> Finite => BlowUp is { } at ? Losses[..Math.Min(at, Losses.Length)] : Losses;

    public double Param(int step, int dim) => Parameters[(step * Dims) + dim];
}
