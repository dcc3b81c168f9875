using System.Globalization;
using LrLab.Core.Plotting;
using LrLab.Web.Components.Charts;
using LrLab.Web.Interop;
using LrLab.Web.Sweep;
using Microsoft.AspNetCore.Components;

namespace LrLab.Web.Components.Sweep;

/// <summary>
/// The lab's sweep panel: final loss and steps to converge against the rate for the lab's current setup, with regime
/// bands and theory lines, optimizer comparison, click-to-load and downloads. Logic in <see cref="SweepPanelModel"/>.
/// </summary>
public sealed partial class SweepPanel
{
    private readonly SweepPanelModel _model = new();
    private SweepSetup? _swept;
    private Chart _lossModel = Empty;
    private Chart _stepsModel = Empty;
    private LineChart? _lossChart;
    private LineChart? _stepsChart;
    private int _job;
    private bool _tableOpen;

    private static Chart Empty => new(string.Empty, new Axis("learning rate", Log: true), new Axis("final loss", Log: true), []);

    [Inject]
    private IChartExport Export { get; set; } = null!;

    /// <summary>The lab's current setup.</summary>
    [Parameter, EditorRequired]
    public SweepSetup Setup { get; set; } = null!;

    /// <summary>Called with a rate the user picked (a clicked point, a table row, the fastest rate).</summary>
    [Parameter]
    public EventCallback<double> OnPickRate { get; set; }

    /// <summary>The model behind the panel (for tests).</summary>
    public SweepPanelModel Model => _model;

    /// <summary>The sweep in progress (completes when every rate is computed or a newer sweep took over).</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    /// <summary>Milliseconds of work per slice between two redraws.</summary>
    [Parameter]
    public double SliceMilliseconds { get; set; } = 40;

    private double? BestLr => _model.Result?.Sweeps.Count > 0 ? _model.Result.Sweeps[0].BestLr : null;

    private string Timing => _model.IsComplete
        ? string.Create(CultureInfo.InvariantCulture, $"{_model.Total} runs × {Setup.Steps} steps: first picture after {_model.FirstSliceMilliseconds:0} ms, all computed in {_model.Milliseconds:0} ms")
        : string.Create(CultureInfo.InvariantCulture, $"computing… {_model.Done} of {_model.Total} runs");

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        if (_swept is null || !SameRun(_swept, Setup))
        {
            Recompute();
        }
        else if (_swept.CurrentLr != Setup.CurrentLr)
        {
            _swept = Setup;
            Rebuild();
        }
    }

    private static bool SameRun(SweepSetup a, SweepSetup b) =>
        a with { CurrentLr = 0, Start = null } == b with { CurrentLr = 0, Start = null }
        && (a.Start ?? []).SequenceEqual(b.Start ?? []);

    /// <summary>Starts a sweep of the current setup, computed in slices with a redraw after each (coarse to fine).</summary>
    private void Recompute()
    {
        _swept = Setup;
        _model.Begin(Setup);
        var job = ++_job;
        var done = _model.Advance(SliceMilliseconds);
        Rebuild();
        Completion = done ? Task.CompletedTask : ContinueAsync(job);
    }

    private async Task ContinueAsync(int job)
    {
        while (true)
        {
            await Task.Delay(1);
            if (job != _job)
            {
                return;
            }

            var done = _model.Advance(SliceMilliseconds);
            Rebuild();
            await InvokeAsync(StateHasChanged);
            if (done)
            {
                return;
            }
        }
    }

    private void Rebuild()
    {
        _lossModel = _model.Chart(SweepMetric.FinalLoss);
        _stepsModel = _model.Chart(SweepMetric.StepsToConverge);
    }

    private void OnMin(ChangeEventArgs e) => SetRange(e.Value?.ToString(), G(_model.LrMax));

    private void OnMax(ChangeEventArgs e) => SetRange(G(_model.LrMin), e.Value?.ToString());

    private void SetRange(string? min, string? max)
    {
        if (_model.SetRange(min ?? string.Empty, max ?? string.Empty))
        {
            Recompute();
        }
    }

    private void OnCount(ChangeEventArgs e)
    {
        if (int.TryParse(e.Value?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is >= 2 and <= SweepPanelModel.MaxCount)
        {
            _model.Count = n;
            Recompute();
        }
    }

    private void OnCompare(ChangeEventArgs e)
    {
        _model.Compare = e.Value is true;
        Recompute();
    }

    private void ToggleTable() => _tableOpen = !_tableOpen;

    private Task PickFromLoss() => _lossChart?.Hover is { } hit ? Pick(hit.X) : Task.CompletedTask;

    private Task PickFromSteps() => _stepsChart?.Hover is { } hit ? Pick(hit.X) : Task.CompletedTask;

    private Task Pick(double lr) => OnPickRate.InvokeAsync(lr);

    private async Task SavePng()
    {
        if (_lossChart is not null)
        {
            await Export.SavePngAsync(_lossChart.CanvasId, "sweep.png");
        }
    }

    private Task SaveSvg() => Export.SaveTextAsync(_model.Svg(SweepMetric.FinalLoss), "image/svg+xml", "sweep.svg");

    private Task SaveCsv() => Export.SaveTextAsync(_model.Csv(), "text/csv", "sweep.csv");

    private static string G(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
}
