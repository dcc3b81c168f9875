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

    private StepBreakdown? Breakdown => StepBreakdown.Of(Session.Current, Session.Setup.Surface, Shown);

    private static string N(double v) => Numbers.Short(v);
}
