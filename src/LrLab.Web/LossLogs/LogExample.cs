namespace LrLab.Web.LossLogs;

/// <summary>A log the page can load with one click.</summary>
/// <param name="Id">Short key (also the button's data-example).</param>
/// <param name="Title">Button text.</param>
/// <param name="Text">The log itself.</param>
/// <param name="Lr">The rate it was trained with, if known.</param>
/// <param name="Note">Where it comes from.</param>
public sealed record LogExample(string Id, string Title, string Text, double? Lr, string Note)
{
    /// <summary>The runs' rates, one per run, when the example holds several runs (goes into the rate field).</summary>
    public string? Rates { get; init; }
}
