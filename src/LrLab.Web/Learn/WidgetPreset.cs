using System.Globalization;
using LrLab.Web.Lab;

namespace LrLab.Web.Learn;

/// <summary>
/// What the lesson's embedded lab starts with and which knobs it offers. Choice lists with one entry hide that control.
/// </summary>
public sealed record WidgetPreset
{
    /// <summary>Built-in surface name.</summary>
    public required string Surface { get; init; }

    /// <summary>Optimizer name (as the factory knows it).</summary>
    public string Optimizer { get; init; } = "sgd";

    /// <summary>Starting learning rate.</summary>
    public required double Lr { get; init; }

    /// <summary>Number of updates each run makes.</summary>
    public int Steps { get; init; } = 200;

    /// <summary>Lowest rate the slider reaches.</summary>
    public double LrMin { get; init; } = 1e-4;

    /// <summary>Highest rate the slider reaches.</summary>
    public double LrMax { get; init; } = 3;

    /// <summary>Rates offered as one-click buttons.</summary>
    public IReadOnlyList<double> QuickRates { get; init; } = [];

    /// <summary>Surfaces the student may switch between (empty: only <see cref="Surface"/>).</summary>
    public IReadOnlyList<string> SurfaceChoices { get; init; } = [];

    /// <summary>Optimizers the student may switch between (empty: only <see cref="Optimizer"/>).</summary>
    public IReadOnlyList<string> OptimizerChoices { get; init; } = [];

    /// <summary>Mini-batch sizes offered on stochastic surfaces (empty: batch 1).</summary>
    public IReadOnlyList<int> BatchChoices { get; init; } = [];

    /// <summary>Schedule presets offered by name (empty: constant rate only).</summary>
    public IReadOnlyList<string> ScheduleChoices { get; init; } = [];

    /// <summary>The same starting state for the full lab component embedded under the lesson.</summary>
    public LabState ToLabState() => new()
    {
        Surface = Surface,
        Optimizer = Optimizer,
        Lr = Lr,
        Steps = Steps,
        Batch = BatchChoices.Count > 0 ? BatchChoices[0] : null,
    };

    /// <summary>The same starting state as a <c>/lab</c> link (the lab reads its state from the query string).</summary>
    public string LabLink() =>
        string.Create(CultureInfo.InvariantCulture, $"lab?surface={Uri.EscapeDataString(Surface)}&optimizer={Uri.EscapeDataString(Optimizer)}&lr={Lr}&steps={Steps}");
}
