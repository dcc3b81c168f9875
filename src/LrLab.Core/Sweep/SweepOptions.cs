using LrLab.Core.Schedules;
using LrLab.Core.Simulation;

namespace LrLab.Core.Sweep;

/// <summary>Which rates a sweep tries and how each run goes. Defaults: 50 log-spaced rates from 1e-4 to 1, 200 updates each.</summary>
public sealed record SweepOptions
{
    /// <summary>Largest number of rates accepted (bounds memory and time).</summary>
    public const int MaxCount = 10_000;

    /// <summary>The default smallest rate, 1e-4.</summary>
    public const double DefaultLrMin = 1e-4;

    /// <summary>The default largest rate, 1.</summary>
    public const double DefaultLrMax = 1;

    /// <summary>The default number of rates, 50.</summary>
    public const int DefaultCount = 50;

    /// <summary>Smallest rate tried (the first row).</summary>
    public double LrMin { get; init; } = DefaultLrMin;

    /// <summary>Largest rate tried (the last row).</summary>
    public double LrMax { get; init; } = DefaultLrMax;

    /// <summary>Number of log-spaced rates from <see cref="LrMin"/> to <see cref="LrMax"/>, both included.</summary>
    public int Count { get; init; } = DefaultCount;

    /// <summary>Updates per run.</summary>
    public int Steps { get; init; } = SimulationOptions.DefaultSteps;

    /// <summary>Start point; <c>null</c> means the surface's default start.</summary>
    public IReadOnlyList<double>? Start { get; init; }

    /// <summary>Schedule applied to every swept base rate, if any.</summary>
    public ILrSchedule? Schedule { get; init; }

    /// <summary>Mini-batch size for stochastic surfaces (noise shrinks as 1/√batch).</summary>
    public int BatchSize { get; init; } = 1;

    /// <summary>Seed for the gradient noise; every rate sees the same noise sequence, as separate simulations would.</summary>
    public int Seed { get; init; }

    /// <summary>How many rates run at once (rates are independent; 1 runs them in order on the calling thread).</summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;
}
