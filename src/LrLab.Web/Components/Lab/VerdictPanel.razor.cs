using LrLab.Web.Lab;
using Microsoft.AspNetCore.Components;

namespace LrLab.Web.Components.Lab;

/// <summary>The selected run's verdict in words, the engine's explanation, and what theory says about the rate.</summary>
public sealed partial class VerdictPanel
{
    /// <summary>The lab session.</summary>
    [Parameter, EditorRequired]
    public LabSession Session { get; set; } = null!;

    private LabRun Run => Session.Current;

    private string Theory => RateExplainer.Theory(Run.Setup, Run);

    // "α = 0.05" or "line search from α₀ = 0.05" as before; in a race of several optimizers "adam at α = 0.1".
    private string Title => Run.Setup.IsLineSearch
        ? "line search from α₀ = " + LabView.Fmt(Run.Lr)
        : (Session.Mixed ? LabView.OptimizerLabel(Run.Optimizer) + " at " : string.Empty) + "α = " + LabView.Fmt(Run.Lr);
}
