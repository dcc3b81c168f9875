namespace LrLab.Core.Sweep;

/// <summary>Buffers one worker reuses for every rate it runs, so a sweep allocates per rate, never per step.</summary>
internal sealed class SweepScratch(int steps, int dims)
{
    public double[] Losses { get; } = new double[steps + 1];

    public double[] Parameters { get; } = new double[(steps + 1) * dims];

    public double[] Gaps { get; } = new double[steps + 1];

    public double[] Theta { get; } = new double[dims];
}
