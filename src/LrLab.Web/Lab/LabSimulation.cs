using LrLab.Core;
using LrLab.Core.LineSearch;
using LrLab.Core.Optimizers;
using LrLab.Core.Simulation;
using LrLab.Core.Surfaces;

namespace LrLab.Web.Lab;

/// <summary>
/// Runs one lab trajectory with either a fixed-rate optimizer (<see cref="Simulator"/>) or backtracking line search
/// (<see cref="BacktrackingLineSearch"/>), whose rate is only the first trial step α₀ of each update.
/// </summary>
public static class LabSimulation
{
    /// <summary>The lab's (and the CLI's) name for backtracking line search.</summary>
    public const string LineSearch = "linesearch";

    /// <summary>What the optimizer menu shows for line search.</summary>
    public const string LineSearchLabel = "line search (Armijo backtracking)";

    /// <summary>Every optimizer name the lab accepts: the factory's and line search.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. OptimizerFactory.Names, LineSearch];

    /// <summary>Whether <paramref name="optimizer"/> names line search (case-insensitive).</summary>
    public static bool IsLineSearch(string? optimizer) => string.Equals(optimizer?.Trim(), LineSearch, StringComparison.OrdinalIgnoreCase);

    /// <summary>The Armijo parameters of a URL state (unset ones keep the textbook defaults ρ = 0.5, c = 1e-4).</summary>
    public static ArmijoOptions ArmijoFor(LabState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var defaults = new ArmijoOptions();
        return defaults with { Shrink = state.Shrink ?? defaults.Shrink, C = state.ArmijoC ?? defaults.C };
    }

    /// <summary>
    /// One run at base rate <paramref name="lr"/>. Throws <see cref="InputException"/> for invalid hyperparameters, and
    /// for ReduceLROnPlateau with line search (that scheduler reacts to the losses of fixed-rate steps).
    /// </summary>
    public static Trajectory Run(Surface surface, string optimizer, OptimizerOptions options, ArmijoOptions armijo, double lr, SimulationOptions simulation)
    {
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(simulation);
        if (!IsLineSearch(optimizer))
        {
            return Simulator.Run(surface, OptimizerFactory.Create(optimizer, options with { Lr = lr }), simulation);
        }

        if (simulation.MetricSchedule is not null)
        {
            throw new InputException("ReduceLROnPlateau cannot drive a line search (the search picks its own step lengths); choose a closed-form schedule or a fixed-rate optimizer");
        }

        return BacktrackingLineSearch.Run(surface, lr, armijo, simulation);
    }
}
