using LrLab.Web.Learn;
using Microsoft.AspNetCore.Components;

namespace LrLab.Web.Components.Learn;

/// <summary>The lesson's guided experiments, each ticked with the confirmation of the run that did it.</summary>
public sealed partial class ExperimentList
{
    /// <summary>The lesson's experiments.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<Experiment> Experiments { get; set; } = [];

    /// <summary>Confirmation text per experiment id done during this visit.</summary>
    [Parameter] public IReadOnlyDictionary<string, string> Confirmations { get; set; } = new Dictionary<string, string>();

    /// <summary>The latest run the widget reported, shown so the student can compare it with the instructions.</summary>
    [Parameter] public LabObservation? LastRun { get; set; }

    /// <summary>The predictions locked in during this visit, by experiment id.</summary>
    [Parameter] public IReadOnlyDictionary<string, int> Predictions { get; set; } = new Dictionary<string, int>();

    /// <summary>Raised when the student locks in a prediction.</summary>
    [Parameter] public EventCallback<(Experiment Experiment, int Choice)> OnPredict { get; set; }

    /// <summary>Whether an experiment was completed before this visit.</summary>
    [Parameter] public Func<Experiment, bool> DoneEarlier { get; set; } = _ => false;
}
