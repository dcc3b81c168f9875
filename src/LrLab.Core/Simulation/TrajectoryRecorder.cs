namespace LrLab.Core.Simulation;

/// <summary>Keeps every point as a <see cref="TrajectoryPoint"/> (what <see cref="Simulator.Run(Surfaces.Surface, StepRule, SimulationOptions?)"/> returns).</summary>
internal readonly struct TrajectoryRecorder(int steps) : IRunRecorder
{
    public List<TrajectoryPoint> Points { get; } = new(steps + 1);

    public void Add(int step, ReadOnlySpan<double> theta, double loss, double nextLr) => Points.Add(new TrajectoryPoint(step, theta.ToArray(), loss, nextLr));
}
