namespace LrLab.Core.Simulation;

/// <summary>What <see cref="StepLoop"/> keeps of each point: the whole trajectory, or flat arrays for a sweep.</summary>
internal interface IRunRecorder
{
    /// <summary>The state after <paramref name="step"/> updates and the rate the next update uses.</summary>
    void Add(int step, ReadOnlySpan<double> theta, double loss, double nextLr);
}
