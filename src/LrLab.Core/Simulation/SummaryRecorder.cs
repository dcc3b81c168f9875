namespace LrLab.Core.Simulation;

/// <summary>
/// Keeps losses and parameters in flat arrays sized once per worker (a sweep's buffers), so a run allocates nothing
/// per step; <see cref="Count"/> says how many points were written.
/// </summary>
internal struct SummaryRecorder(double[] losses, double[] parameters) : IRunRecorder
{
    public int Count { get; private set; }

    public void Add(int step, ReadOnlySpan<double> theta, double loss, double nextLr)
    {
        losses[step] = loss;
        theta.CopyTo(parameters.AsSpan(step * theta.Length, theta.Length));
        Count = step + 1;
    }
}
