using System.Globalization;
using LrLab.Web.Lab;
using LrLab.Web.Url;
using Microsoft.AspNetCore.Components;

namespace LrLab.Web.Components.Lab;

/// <summary>
/// The rate control of the lab: the log-scale slider with the theory's marks, the typed rate, "+ Add rate to race" and
/// "+ Add optimizer". It owns only what is typed into it; the session changes through the callbacks.
/// </summary>
public sealed partial class RateControl
{
    private static int _instances;
    private readonly string _sliderId = "lr-slider-" + Interlocked.Increment(ref _instances).ToString(CultureInfo.InvariantCulture);
    private string? _rateError;
    private string _raceOptimizer = "adam";
    private bool _raceAtDefault = true;

    /// <summary>The lab's runs (the selected one is the slider's).</summary>
    [Parameter, EditorRequired]
    public LabSession Session { get; set; } = null!;

    /// <summary>The rates the theory marks on the slider.</summary>
    [Parameter]
    public IReadOnlyList<Core.Theory.TheoryMark> Ticks { get; set; } = [];

    /// <summary>Hide "+ Add optimizer" (lessons).</summary>
    [Parameter]
    public bool Compact { get; set; }

    /// <summary>What the last "+ Add optimizer" said, if anything.</summary>
    [Parameter]
    public string? RaceNote { get; set; }

    /// <summary>The slider moved to this rate (called every frame of a drag).</summary>
    [Parameter]
    public EventCallback<double> OnSlide { get; set; }

    /// <summary>A rate was typed (already checked against the lab's range).</summary>
    [Parameter]
    public EventCallback<double> OnRate { get; set; }

    /// <summary>"+ Add rate to race".</summary>
    [Parameter]
    public EventCallback OnAddRate { get; set; }

    /// <summary>"+ Add optimizer": the optimizer and whether it races at its usual rate (else the current one).</summary>
    [Parameter]
    public EventCallback<(string Optimizer, bool AtDefaultRate)> OnAddOptimizer { get; set; }

    private static IEnumerable<(double Lr, string Label)> Decades => [(1e-5, "1e-5"), (1e-4, "1e-4"), (1e-3, "0.001"), (1e-2, "0.01"), (0.1, "0.1"), (1, "1"), (10, "10")];

    private string RateText => RunLabels.Fmt(Session.Current.Lr);

    private string SliderValue => LogSlider.ToPosition(Session.Current.Lr).ToString("0.###", CultureInfo.InvariantCulture);

    private bool Full => Session.Runs.Count >= LabState.MaxRuns;

    private static string Percent(double lr) => LogSlider.Percent(lr).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private async Task OnSlider(ChangeEventArgs e)
    {
        if (QueryReader.TryNumber(e.Value?.ToString(), out var position))
        {
            _rateError = null;
            await OnSlide.InvokeAsync(LogSlider.FromPosition(position));
        }
    }

    private async Task OnRateTyped(ChangeEventArgs e)
    {
        var text = e.Value?.ToString()?.Trim() ?? string.Empty;
        if (QueryReader.TryNumber(text, out var lr) && lr >= LabUrl.MinLr && lr <= LabUrl.MaxLr)
        {
            _rateError = null;
            await OnRate.InvokeAsync(lr);
        }
        else
        {
            _rateError = $"'{text}' is not a learning rate: type a number between {RunLabels.Fmt(LabUrl.MinLr)} and {RunLabels.Fmt(LabUrl.MaxLr)}, e.g. 0.05 or 3e-4.";
        }
    }

    private void OnRaceOptimizer(ChangeEventArgs e)
    {
        var name = e.Value?.ToString() ?? string.Empty;
        if (LabSimulation.Names.Contains(name))
        {
            _raceOptimizer = name;
        }
    }

    private void OnRaceRateChoice(ChangeEventArgs e) => _raceAtDefault = e.Value?.ToString() != "current";

    private Task AddOptimizer() => OnAddOptimizer.InvokeAsync((_raceOptimizer, _raceAtDefault));
}
