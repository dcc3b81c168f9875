using LrLab.Core;
using LrLab.Core.LineSearch;
using LrLab.Core.Optimizers;
using LrLab.Core.Simulation;
using LrLab.Core.Surfaces;

namespace LrLab.Web.Lab;

/// <summary>
/// The lab's names for Core's step rules (<see cref="StepRules"/>: the optimizers and backtracking line search, whose
/// rate is only the first trial step α₀ of each update), its menu label for line search, and one run of any of them.
/// </summary>
public static class LabSimulation
{
    /// <summary>The lab's (and the CLI's) name for backtracking line search.</summary>
    public const string LineSearch = StepRules.LineSearch;

    /// <summary>What the optimizer menu shows for line search.</summary>
    public const string LineSearchLabel = "line search (Armijo backtracking)";

    /// <summary>Every optimizer name the lab accepts: the factory's and line search.</summary>
    public static IReadOnlyList<string> Names => StepRules.Names;

    /// <summary>Whether <paramref name="optimizer"/> names line search (case-insensitive).</summary>
    public static bool IsLineSearch(string? optimizer) => StepRules.IsLineSearch(optimizer);

    /// <summary>The Armijo parameters of a URL state (unset ones keep the textbook defaults ρ = 0.5, c = 1e-4).</summary>
    public static ArmijoOptions ArmijoFor(LabState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var defaults = new ArmijoOptions();
        return defaults with { Shrink = state.Shrink ?? defaults.Shrink, C = state.ArmijoC ?? defaults.C };
    }

    /// <summary>
    /// One run at base rate <paramref name="lr"/> through Core's step loop. Throws <see cref="InputException"/> for invalid
    /// hyperparameters, and for a loss-driven schedule the rule refuses (ReduceLROnPlateau with line search).
    /// </summary>
    public static Trajectory Run(Surface surface, string optimizer, OptimizerOptions options, ArmijoOptions armijo, double lr, SimulationOptions simulation)
    {
        ArgumentNullException.ThrowIfNull(surface);
        ArgumentNullException.ThrowIfNull(options);
        return Simulator.Run(surface, StepRules.Create(optimizer, options with { Lr = lr }, armijo), simulation);
    }
}
