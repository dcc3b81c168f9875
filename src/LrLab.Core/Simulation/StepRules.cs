using LrLab.Core.LineSearch;
using LrLab.Core.Optimizers;

namespace LrLab.Core.Simulation;

/// <summary>The one place that knows every step rule's name: the optimizer factory's names plus <see cref="LineSearch"/>.</summary>
public static class StepRules
{
    /// <summary>The name of backtracking line search (CLI <c>--optimizer</c>, the lab's <c>optimizer=</c>).</summary>
    public const string LineSearch = "linesearch";

    /// <summary>Every accepted name, lower case: the optimizers in the lab's order, then line search.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. OptimizerFactory.Names, LineSearch];

    /// <summary>Whether <paramref name="name"/> names line search (case-insensitive, trimmed).</summary>
    public static bool IsLineSearch(string? name) => string.Equals(name?.Trim(), LineSearch, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the rule called <paramref name="name"/> accepts a loss-driven schedule (ReduceLROnPlateau).</summary>
    public static bool AcceptsMetricSchedule(string? name) => !IsLineSearch(name);

    /// <summary>
    /// The rule called <paramref name="name"/>: line search at <paramref name="options"/>.Lr with <paramref name="armijo"/>,
    /// or the optimizer <see cref="OptimizerFactory.Create"/> builds.
    /// </summary>
    /// <exception cref="InputException">Unknown name or a hyperparameter out of range.</exception>
    public static StepRule Create(string name, OptimizerOptions options, ArmijoOptions? armijo = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(options);
        return IsLineSearch(name) ? new ArmijoRule(options.Lr, armijo) : new OptimizerRule(OptimizerFactory.Create(name, options));
    }
}
