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

    private string Theory => RateExplainer.Theory(Session.Setup, Run);
}
