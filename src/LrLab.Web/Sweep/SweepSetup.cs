using LrLab.Core.LineSearch;
using LrLab.Core.Optimizers;

namespace LrLab.Web.Sweep;

/// <summary>What the sweep panel sweeps: the lab's current surface, optimizer and run settings (its rate is only marked).</summary>
/// <param name="Surface">Surface name or formula.</param>
/// <param name="Optimizer">Optimizer name.</param>
/// <param name="Options">Hyperparameters (the rate is ignored: the sweep supplies it).</param>
/// <param name="Steps">Updates per run.</param>
/// <param name="CurrentLr">The lab's rate, drawn as a marker.</param>
public sealed record SweepSetup(string Surface, string Optimizer, OptimizerOptions Options, int Steps, double CurrentLr)
{
    /// <summary>Start point (null: the surface's).</summary>
    public IReadOnlyList<double>? Start { get; init; }

    /// <summary>Schedule spec applied to every swept rate, if any.</summary>
    public string? Schedule { get; init; }

    /// <summary>Mini-batch size on the noisy bowl.</summary>
    public int Batch { get; init; } = 1;

    /// <summary>Noise seed.</summary>
    public int Seed { get; init; }

    /// <summary>The lab's backtracking parameters (the line search panel starts its searches with them).</summary>
    public ArmijoOptions Armijo { get; init; } = new();
}
