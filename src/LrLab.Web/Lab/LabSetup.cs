using LrLab.Core.LineSearch;
using LrLab.Core.Optimizers;
using LrLab.Core.Schedules;
using LrLab.Core.Surfaces;
using LrLab.Core.Theory;

namespace LrLab.Web.Lab;

/// <summary>
/// What every raced run shares: the surface, start, length, schedule, batch and seed, plus the form's optimizer and its
/// hyperparameters. A run of another optimizer uses <see cref="For"/>: the same setup with that optimizer at PyTorch's defaults.
/// </summary>
public sealed record LabSetup(Surface Surface, string Optimizer, OptimizerOptions Options, int Steps, IReadOnlyList<double> Start, ParsedSchedule? Schedule, int BatchSize, int Seed)
{
    /// <summary>The optimizer hyperparameters of a URL state, under PyTorch's names (unset ones keep PyTorch's defaults).</summary>
    public static OptimizerOptions OptionsFor(LabState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new OptimizerOptions
        {
            Lr = state.Lr,
            Momentum = state.Momentum,
            Nesterov = state.Nesterov,
            Beta1 = state.Beta1,
            Beta2 = state.Beta2,
            Eps = state.Eps,
            WeightDecay = state.WeightDecay,
            Alpha = state.Alpha,
            Centered = state.Centered,
        };
    }

    /// <summary>Resolve a URL state (already validated by <see cref="LabUrl.Parse"/>).</summary>
    public static LabSetup From(LabState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        LabUrl.TryResolve(state.Surface, out var surface, out _);
        var options = OptionsFor(state);
        var start = state.Start is { } s && s.Count == surface.Dimension ? s : surface.DefaultStart;
        var schedule = state.Schedule is { } spec ? ScheduleSpec.Parse(spec) : null;
        return new LabSetup(surface, state.Optimizer, options, state.Steps, start, schedule, state.Batch ?? 1, state.Seed ?? 0)
        {
            Armijo = LabSimulation.ArmijoFor(state),
        };
    }

    /// <summary>
    /// The setup a run of <paramref name="optimizer"/> uses: this one when it is the form's optimizer, else the same surface,
    /// start, steps, schedule, batch and seed with that optimizer at PyTorch's default hyperparameters (line search keeps
    /// the form's ρ and c, which only line search reads).
    /// </summary>
    public LabSetup For(string optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        return string.Equals(optimizer, Optimizer, StringComparison.OrdinalIgnoreCase)
            ? this
            : this with { Optimizer = optimizer, Options = new OptimizerOptions() };
    }

    /// <summary>Backtracking parameters (used when <see cref="IsLineSearch"/>).</summary>
    public ArmijoOptions Armijo { get; init; } = new();

    /// <summary>Backtracking line search instead of a fixed-rate optimizer: the rate is each update's first trial step α₀.</summary>
    public bool IsLineSearch => LabSimulation.IsLineSearch(Optimizer);

    /// <summary>What the quadratic model says about this optimizer on this surface (null when the curvature is unknown).</summary>
    public RateTheory? Theory => IsLineSearch
        ? RateTheory.LineSearch(Surface.Curvature, Optimizer)
        : RateTheory.For(Surface, OptimizerFactory.Create(Optimizer, Options));

    /// <summary>Plain gradient descent: the update is exactly α·∇L.</summary>
    public bool IsPlainGradientDescent =>
        !IsLineSearch && (Options.WeightDecay ?? 0) == 0 && !Options.Maximize
        && RateTheory.KindOf(OptimizerFactory.Create(Optimizer, Options)) == UpdateKind.GradientDescent;
}
