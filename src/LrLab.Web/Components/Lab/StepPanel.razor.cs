using LrLab.Web.Lab;
using Microsoft.AspNetCore.Components;

namespace LrLab.Web.Components.Lab;

/// <summary>The update rule with this step's numbers: θ, ∇L, α·∇L, new θ (as in the worked example w = 4, α = 1.5 → −8).</summary>
public sealed partial class StepPanel
{
    /// <summary>The lab session.</summary>
    [Parameter, EditorRequired]
    public LabSession Session { get; set; } = null!;

    /// <summary>The revealed step.</summary>
    [Parameter]
    public int Shown { get; set; }

    private StepBreakdown? Breakdown => StepBreakdown.Of(Session.Current, Session.Setup.Surface, Shown, Session.Current.Setup.Armijo);

    // The selected run's own setup: its optimizer decides which rows the panel shows.
    private LabSetup RunSetup => Session.Current.Setup;

    private static string AcceptedNote(StepBreakdown b) => b switch
    {
        { Lr: 0 } => "no trial lowered the loss: the point stays",
        _ when b.Trials[^1].Holds && b.Trials.Count == 1 => "the first trial α₀ passed: taken as it is",
        _ when b.Trials[^1].Holds => $"α₀ = {N(b.FirstTrial ?? 0)} cut {b.Trials.Count - 1}× before the test held",
        _ => "the test never held within the allowed trials; the last one still lowered the loss, so it is taken",
    };

    private static string N(double v) => Numbers.Short(v);
}
