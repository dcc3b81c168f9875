using LrLab.Core.Schedules;

namespace LrLab.Core.Simulation;

/// <summary>How to run an optimizer over a surface. Defaults give a 200-step run from the surface's start.</summary>
public sealed record SimulationOptions
{
    /// <summary>Default number of updates.</summary>
    public const int DefaultSteps = 200;

    /// <summary>Largest number of updates accepted (bounds memory and time).</summary>
    public const int MaxSteps = 100_000;

    /// <summary>Number of updates to apply.</summary>
    public int Steps { get; init; } = DefaultSteps;

    /// <summary>Start point; <c>null</c> means the surface's default start.</summary>
    public IReadOnlyList<double>? Start { get; init; }

    /// <summary>Schedule applied to the optimizer's base rate, if any.</summary>
    public ILrSchedule? Schedule { get; init; }

    /// <summary>A loss-driven schedule (ReduceLROnPlateau), fed the loss after every update.</summary>
    public IMetricSchedule? MetricSchedule { get; init; }

    /// <summary>Mini-batch size for stochastic surfaces (noise shrinks as 1/√batch).</summary>
    public int BatchSize { get; init; } = 1;

    /// <summary>Seed for the gradient noise of stochastic surfaces.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Relative tolerance of <see cref="Trajectory.StepsToConverge"/>: converged once the gap to the minimum
    /// is at most this fraction of the starting gap. <c>null</c>: 1e-3, or 1e-2 on stochastic surfaces
    /// whose noise floor never lets the gap get that small.
    /// </summary>
    public double? Tolerance { get; init; }
}
