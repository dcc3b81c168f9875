namespace LrLab.Web.Lab;

/// <summary>
/// Everything a link to the lab carries (SPEC: surface, optimizer, lr, momentum, steps, start, schedule,
/// compare, batch, seed), plus the optimizer's other hyperparameters when they differ from PyTorch's defaults.
/// </summary>
public sealed record LabState
{
    /// <summary>Default number of updates per run.</summary>
    public const int DefaultSteps = 200;

    /// <summary>Largest run the browser animates.</summary>
    public const int MaxSteps = 5000;

    /// <summary>Most rates raced at once (one Okabe–Ito colour each).</summary>
    public const int MaxRuns = 6;

    /// <summary>Built-in surface name or a formula in x (and y).</summary>
    public string Surface { get; init; } = "bowl";

    /// <summary>Optimizer name as <c>OptimizerFactory</c> knows it.</summary>
    public string Optimizer { get; init; } = "sgd";

    /// <summary>The slider's rate (the selected run).</summary>
    public double Lr { get; init; } = 0.05;

    /// <summary>SGD momentum β (null: the optimizer's default).</summary>
    public double? Momentum { get; init; }

    /// <summary>Updates per run.</summary>
    public int Steps { get; init; } = DefaultSteps;

    /// <summary>Start point (null: the surface's default).</summary>
    public IReadOnlyList<double>? Start { get; init; }

    /// <summary>A PyTorch scheduler spec applied to every run (null: constant rate).</summary>
    public string? Schedule { get; init; }

    /// <summary>Rates raced together; empty means a single run at <see cref="Lr"/>.</summary>
    public IReadOnlyList<double> Compare { get; init; } = [];

    /// <summary>Mini-batch size for stochastic surfaces.</summary>
    public int? Batch { get; init; }

    /// <summary>Seed for stochastic surfaces.</summary>
    public int? Seed { get; init; }

    /// <summary>Adam-family β₁.</summary>
    public double? Beta1 { get; init; }

    /// <summary>Adam-family β₂.</summary>
    public double? Beta2 { get; init; }

    /// <summary>ε added to denominators.</summary>
    public double? Eps { get; init; }

    /// <summary>L2 penalty (AdamW: decoupled).</summary>
    public double? WeightDecay { get; init; }

    /// <summary>RMSprop smoothing constant.</summary>
    public double? Alpha { get; init; }

    /// <summary>SGD Nesterov momentum.</summary>
    public bool Nesterov { get; init; }

    /// <summary>Centered RMSprop.</summary>
    public bool Centered { get; init; }

    /// <summary>Line search: the factor ρ a rejected trial step is multiplied by (null: 0.5). Not a SPEC parameter: an optional extra.</summary>
    public double? Shrink { get; init; }

    /// <summary>Line search: the Armijo constant c (null: 1e-4). Not a SPEC parameter: an optional extra.</summary>
    public double? ArmijoC { get; init; }

    /// <summary>
    /// A race that mixes optimizers (the optional non-SPEC <c>race</c> parameter, e.g. <c>sgd:0.03,adam:0.1</c>): when
    /// not empty it replaces <see cref="Compare"/>. Runs of <see cref="Optimizer"/> use the form's hyperparameters, others
    /// PyTorch's defaults.
    /// </summary>
    public IReadOnlyList<RaceEntry> Race { get; init; } = [];

    /// <summary>The rates that race: <see cref="Compare"/>, or just <see cref="Lr"/>.</summary>
    public IReadOnlyList<double> Rates => Compare.Count > 0 ? Compare : [Lr];

    /// <summary>The runs that race: <see cref="Race"/>, or <see cref="Optimizer"/> at each of <see cref="Rates"/>.</summary>
    public IReadOnlyList<RaceEntry> Entries => Race.Count > 0 ? Race : [.. Rates.Select(r => new RaceEntry(Optimizer, r))];
}
