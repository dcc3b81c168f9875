using System.Globalization;
using LrLab.Core;
using LrLab.Core.Plotting;
using LrLab.Web.Interop;
using LrLab.Web.Lab;
using Microsoft.AspNetCore.Components;

namespace LrLab.Web.Components.Lab;

/// <summary>
/// The lab: surface view, slider, controls, race legend, loss chart, verdict and step panels over a
/// <see cref="LabSession"/>. The /lab page shows it with the URL in sync; lessons can embed it with a
/// preset state and <see cref="Compact"/> controls.
/// </summary>
public sealed partial class LabView : IDisposable
{
    // Below this the run has converged for any purpose; a lower axis would squash the interesting part.
    private const double LossFloor = 1e-10;

    private readonly List<string> _notices = [];
    private readonly LabClock _clock = new();
    private readonly LabNotifier _notifier = new();
    private LabUrlSync? _urlSync;
    private LabSession _session = null!;
    private IReadOnlyList<LrLab.Core.Theory.TheoryMark> _ticks = [];
    private Chart _lossModel = null!;
    private string? _setupError;
    private bool _disposed;
    private string? _raceNote;

    [Inject]
    private ICanvasInterop Canvas { get; set; } = null!;

    [Inject]
    private IBrowserInterop Browser { get; set; } = null!;

    /// <summary>The state to start from (a parsed URL or a preset).</summary>
    [Parameter]
    public LabState State { get; set; } = new();

    /// <summary>Problems found while reading the state (shown as a notice).</summary>
    [Parameter]
    public IReadOnlyList<string> Notices { get; set; } = [];

    /// <summary>Keep the address bar in step with the controls (the /lab page).</summary>
    [Parameter]
    public bool SyncUrl { get; set; }

    /// <summary>Path the synced URL uses.</summary>
    [Parameter]
    public string Path { get; set; } = "/lab";

    /// <summary>Hide the setup controls (presets, surface, optimizer, hyperparameters): for lessons.</summary>
    [Parameter]
    public bool Compact { get; set; }

    /// <summary>Start playing as soon as the lab appears.</summary>
    [Parameter]
    public bool AutoPlay { get; set; }

    /// <summary>Page-wide keyboard shortcuts (only one lab per page should take them).</summary>
    [Parameter]
    public bool Keyboard { get; set; } = true;

    /// <summary>Called when the setup or the rate changes (not on animation frames): panels below the lab follow it.</summary>
    [Parameter]
    public EventCallback<LabState> OnStateChanged { get; set; }

    /// <summary>
    /// Called like <see cref="OnStateChanged"/> (and as rarely) with the selected run alone (<see cref="LabSession.SelectedState"/>),
    /// also when another run is selected: the panels below the lab describe that run.
    /// </summary>
    [Parameter]
    public EventCallback<LabState> OnSelectedRunChanged { get; set; }

    /// <summary>The model behind the view (tests read it).</summary>
    public LabSession Session => _session;

    /// <summary>Whether the animation runs.</summary>
    public bool Playing => _clock.Playing;

    private int ShownStep => Math.Min(_session.Shown, _session.Current.LastIndex);

    private string CurrentLossText
    {
        get
        {
            var loss = _session.Current.Trajectory.Steps[ShownStep].Loss;
            return Numbers.Short(loss);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        _notifier.Stopped = true;
        _clock.Stop();
        if (_urlSync is not null)
        {
            _urlSync.Stopped = true;
        }

        if (Keyboard)
        {
            Browser.StopKeys();
        }
    }

    /// <summary>Advance one frame of animation (what the animation loop does each frame).</summary>
    public void Tick(double seconds)
    {
        _clock.Tick(_session, seconds);
        Refresh();
    }

    /// <inheritdoc />
    protected override void OnInitialized()
    {
        _notices.AddRange(Notices);
        _session = new LabSession(State);
        _urlSync = SyncUrl ? new LabUrlSync(Browser, () => Path + LabUrl.Serialize(_session.State), InvokeAsync) : null;
        Refresh();
    }

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            await Canvas.EnsureLoadedAsync();
            await Browser.EnsureLoadedAsync();
            if (Keyboard)
            {
                Browser.ListenKeys(key => _ = InvokeAsync(() => OnKey(key)));
            }

            if (AutoPlay && Browser.PrefersReducedMotion())
            {
                // Asked for less motion: show where the runs end up instead of animating them.
                RunToEnd();
                StateHasChanged();
            }
            else if (AutoPlay)
            {
                _ = PlayAsync();
            }
        }
    }

    private void Refresh()
    {
        _ticks = TheoryTicks.For(_session.Current.Setup);
        var series = new List<ChartSeries>(_session.Runs.Count);
        var lowest = double.PositiveInfinity;
        foreach (var run in _session.Runs)
        {
            var count = Math.Min(_session.Shown, run.LastIndex) + 1;
            series.Add(new ChartSeries(RunLabels.RunLabel(_session, run), run.Losses.AsMemory(0, count)) { Color = run.Color, EndLabel = RunLabels.EndLabel(_session, run) });
            foreach (var loss in run.Losses.AsSpan(0, count))
            {
                lowest = loss > 0 ? Math.Min(lowest, loss) : lowest;
            }
        }

        _lossModel = new Chart(string.Empty, new Axis("step") { Min = 0, Max = Math.Max(1, _session.Setup.Steps) }, new Axis("loss", Log: true) { Min = lowest < LossFloor ? LossFloor : null }, series)
        {
            ShowLegend = false,
            FormatX = x => x.ToString("0", CultureInfo.InvariantCulture),
            FormatY = y => y.ToString("G5", CultureInfo.InvariantCulture),
        };
        _urlSync?.MarkDirty();
        if (OnStateChanged.HasDelegate || OnSelectedRunChanged.HasDelegate)
        {
            _notifier.Notify(_session, s => _ = OnStateChanged.InvokeAsync(s), s => _ = OnSelectedRunChanged.InvokeAsync(s));
        }
    }

    /// <summary>Loads a rate picked outside the lab (a sweep point), as if typed into the rate box.</summary>
    public void UseRate(double lr)
    {
        SetRate(lr);
        StateHasChanged();
    }

    /// <summary>Loads a state changed outside the lab (the batch size of the batch panel).</summary>
    public void UseState(LabState state)
    {
        ApplyState(state);
        StateHasChanged();
    }

    private async Task PlayAsync()
    {
        if (_clock.Playing)
        {
            return;
        }

        if (_session.Finished)
        {
            _session.Reset();
        }

        _clock.Start();
        Refresh();
        StateHasChanged();
        await _clock.RunAsync(Canvas.NextFrameAsync, seconds =>
        {
            if (_disposed)
            {
                return false;
            }

            Tick(seconds);
            StateHasChanged();
            return true;
        });
    }

    private void OnKey(string key)
    {
        switch (key)
        {
            case " ":
                TogglePlay();
                break;
            case "ArrowRight" or "ArrowUp":
                SetRate(LogSlider.Nudge(_session.Current.Lr, 0.05));
                break;
            case "ArrowLeft" or "ArrowDown":
                SetRate(LogSlider.Nudge(_session.Current.Lr, -0.05));
                break;
            default:
                return;
        }

        StateHasChanged();
    }

    private void TogglePlay()
    {
        if (_clock.Playing)
        {
            _clock.Stop();
        }
        else
        {
            _ = PlayAsync();
        }
    }

    private void StepOnce()
    {
        _clock.Stop();
        _session.StepOnce();
        Refresh();
    }

    private void Reset()
    {
        _clock.Stop();
        _session.Reset();
        Refresh();
    }

    private void RunToEnd()
    {
        _clock.Stop();
        _session.RunToEnd();
        Refresh();
    }

    // While the slider is dragged the panels around the lab wait until it rests (LabNotifier).
    private void OnSlide(double lr)
    {
        _notifier.SliderMoving = true;
        try
        {
            SetRate(lr);
        }
        finally
        {
            _notifier.SliderMoving = false;
        }
    }

    private void SetRate(double lr)
    {
        _session.SetRate(lr);
        Refresh();
    }

    private void AddRate()
    {
        var index = _session.AddRate(_session.SuggestNextRate());
        if (index >= 0)
        {
            _session.Select(index);
        }

        Refresh();
    }

    /// <summary>Race the optimizer picked beside "+ Add optimizer" (at its usual rate or the current one) and select it.</summary>
    public void AddOptimizer(string optimizer, bool atDefaultRate)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        var lr = atDefaultRate ? LabSession.DefaultRate(optimizer) : _session.Current.Lr;
        var label = RunLabels.OptimizerLabel(optimizer) + " at α = " + RunLabels.Fmt(lr);
        try
        {
            var index = _session.AddRun(optimizer, lr);
            if (index >= 0)
            {
                _session.Select(index);
                _raceNote = null;
            }
            else
            {
                _raceNote = _session.Runs.Count >= LabState.MaxRuns
                    ? $"At most {LabState.MaxRuns} runs race at once: remove one first."
                    : $"{label} already races.";
            }
        }
        catch (InputException ex)
        {
            _raceNote = $"{label} cannot race: {ParameterNames.Say(ex)}";
        }

        Refresh();
    }

    private void Select(int index)
    {
        _session.Select(index);
        Refresh();
    }

    private void Remove(int index)
    {
        _raceNote = null;
        _session.Remove(index);
        Refresh();
    }

    /// <summary>Show a preset and play it.</summary>
    public void LoadPreset(LabPreset preset)
    {
        ArgumentNullException.ThrowIfNull(preset);
        _clock.Stop();
        _notices.Clear();
        _session = new LabSession(preset.State);
        _setupError = null;
        _raceNote = null;
        Refresh();
        _ = PlayAsync();
    }

    private void ApplyState(LabState state)
    {
        _clock.Stop();
        try
        {
            _session.Apply(state);
            _setupError = null;
        }
        catch (InputException ex)
        {
            _setupError = ParameterNames.Say(ex);
        }

        Refresh();
    }

    // The canvas click, the typed fields and "default start" of the surface view all land here.
    private void ApplyStart(IReadOnlyList<double>? start) => ApplyState(_session.State with { Start = start });

    /// <summary>How the legend, chart and verdict name an optimizer (see <see cref="RunLabels.OptimizerLabel"/>).</summary>
    internal static string OptimizerLabel(string optimizer) => RunLabels.OptimizerLabel(optimizer);

    internal static string Fmt(double v) => RunLabels.Fmt(v);

    internal static string Point(IReadOnlyList<double> p) => RunLabels.Point(p);
}
