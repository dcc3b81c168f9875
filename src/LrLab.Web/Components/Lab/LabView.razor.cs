using System.Globalization;
using LrLab.Core;
using LrLab.Core.Surfaces;
using LrLab.Web.Components.Charts;
using LrLab.Web.Interop;
using LrLab.Web.Lab;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace LrLab.Web.Components.Lab;

/// <summary>
/// The lab: surface view, slider, controls, race legend, loss chart, verdict and step panels over a
/// <see cref="LabSession"/>. The /lab page shows it with the URL in sync; lessons can embed it with a
/// preset state and <see cref="Compact"/> controls.
/// </summary>
public sealed partial class LabView : IDisposable
{
    private const string CustomChoice = "__formula";
    private const int HeatWidth = 360;

    // Below this the run has converged for any purpose; a lower axis would squash the interesting part.
    private const double LossFloor = 1e-10;
    private const int HeatHeight = 270;
    private const int SliderRestMilliseconds = 150;

    // A typed start further out than this is a typo rather than an experiment (the views span a few units).
    private const double MaxStart = 1e6;
    private static readonly (int Value, string Label)[] _speeds = [(2, "2 steps/s"), (10, "10 steps/s"), (30, "30 steps/s"), (120, "120 steps/s"), (600, "600 steps/s")];
    private static int _instances;

    private readonly string _canvasId;
    private readonly string _sliderId;
    private readonly string _startId;
    private readonly CanvasCommands _commands = new();
    private readonly List<string> _notices = [];
    private LabSession _session = null!;
    private IReadOnlyList<LrLab.Core.Theory.TheoryMark> _ticks = [];
    private ChartModel _lossModel = null!;
    private ChartLayout? _surfaceLayout;
    private string? _heatKey;
    private bool _formulaOpen;
    private string _formulaText = string.Empty;
    private string? _formulaError;
    private string? _rateError;
    private string? _setupError;
    private bool _playing;
    private int _speed = 30;
    private double _carry;
    private bool _urlDirty;
    private bool _urlFlushing;
    private bool _disposed;
    private string? _notified;
    private string? _notifiedSelected;
    private bool _startOpen;
    private string? _startError;
    private int _notifyVersion;
    private bool _sliderMoving;
    private string _raceOptimizer = "adam";
    private bool _raceAtDefault = true;
    private string? _raceNote;

    /// <summary>A lab with its own element ids (several can share a page).</summary>
    public LabView()
    {
        var n = Interlocked.Increment(ref _instances).ToString(CultureInfo.InvariantCulture);
        _canvasId = "surface-" + n;
        _sliderId = "lr-slider-" + n;
        _startId = "start-entry-" + n;
    }

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
    public bool Playing => _playing;

    private int ShownStep => Math.Min(_session.Shown, _session.Current.LastIndex);

    private string RateText => Fmt(_session.Current.Lr);

    private int NextUpdate => ProbeMarks.NextUpdate(_session.Current, _session.Shown);

    private string SliderValue => LogSlider.ToPosition(_session.Current.Lr).ToString("0.###", CultureInfo.InvariantCulture);

    private string SurfaceChoice => SurfaceCatalog.Find(_session.Setup.Surface.Name) is null ? CustomChoice : _session.Setup.Surface.Name;

    private string CurrentLossText
    {
        get
        {
            var loss = _session.Current.Trajectory.Steps[ShownStep].Loss;
            return Numbers.Short(loss);
        }
    }

    private string SurfaceLabel => string.Create(
        CultureInfo.InvariantCulture,
        $"Surface {_session.Setup.Surface.Name} with {_session.Runs.Count} run(s); the selected run is at {Point(SurfaceRenderer.CurrentPoint(_session.Current, _session.Shown))} after {ShownStep} steps. Press Enter to type a start point.");

    private static IEnumerable<(double Lr, string Label)> Decades => [(1e-5, "1e-5"), (1e-4, "1e-4"), (1e-3, "0.001"), (1e-2, "0.01"), (0.1, "0.1"), (1, "1"), (10, "10")];

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        _playing = false;
        if (Keyboard)
        {
            Browser.StopKeys();
        }
    }

    /// <summary>Advance one frame of animation (what the animation loop does each frame).</summary>
    public void Tick(double seconds)
    {
        _carry += _speed * seconds;
        var steps = (int)_carry;
        _carry -= steps;
        if (steps > 0 && !_session.Advance(steps))
        {
            _playing = false;
        }

        if (_session.Finished)
        {
            _playing = false;
        }

        Refresh();
    }

    /// <inheritdoc />
    protected override void OnInitialized()
    {
        _notices.AddRange(Notices);
        _session = new LabSession(State);
        _formulaOpen = SurfaceCatalog.Find(_session.Setup.Surface.Name) is null;
        _formulaText = _session.Setup.Surface.Name;
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

        DrawSurface();
    }

    private void Refresh()
    {
        _ticks = TheoryTicks.For(_session.Current.Setup);
        var series = new List<ChartSeries>(_session.Runs.Count);
        var lowest = double.PositiveInfinity;
        foreach (var run in _session.Runs)
        {
            var count = Math.Min(_session.Shown, run.LastIndex) + 1;
            series.Add(new ChartSeries(RunLabel(run), run.Color, run.Losses.AsMemory(0, count)) { EndLabel = EndLabel(run) });
            foreach (var loss in run.Losses.AsSpan(0, count))
            {
                lowest = loss > 0 ? Math.Min(lowest, loss) : lowest;
            }
        }

        _lossModel = new ChartModel(series, new ChartAxis("step") { Min = 0, Max = Math.Max(1, _session.Setup.Steps) }, new ChartAxis("loss", Log: true) { Min = lowest < LossFloor ? LossFloor : null })
        {
            ShowLegend = false,
            FormatX = x => x.ToString("0", CultureInfo.InvariantCulture),
            FormatY = y => y.ToString("G5", CultureInfo.InvariantCulture),
        };
        MarkUrlDirty();
        NotifyState();
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

    private void NotifyState()
    {
        if (!OnStateChanged.HasDelegate && !OnSelectedRunChanged.HasDelegate)
        {
            return;
        }

        var version = ++_notifyVersion;
        if (_sliderMoving)
        {
            // While the slider is dragged the rate changes every animation frame; the panels below the
            // lab (a whole sweep, the lesson's experiments) follow once it rests, so a drag keeps 60 fps.
            _ = NotifyWhenSliderRestsAsync(version);
            return;
        }

        NotifyNow();
    }

    private async Task NotifyWhenSliderRestsAsync(int version)
    {
        await Task.Delay(SliderRestMilliseconds);
        if (version == _notifyVersion && !_disposed)
        {
            NotifyNow();
        }
    }

    private void NotifyNow()
    {
        var state = _session.State;
        var key = LabUrl.Serialize(state);
        if (key != _notified)
        {
            _notified = key;
            _ = OnStateChanged.InvokeAsync(state);
        }

        // Two runs can share a rate (sgd and adam at 0.1), so the selected run is told apart by its optimizer as well.
        var selected = _session.SelectedState;
        var selectedKey = selected.Optimizer + LabUrl.Serialize(selected);
        if (selectedKey != _notifiedSelected)
        {
            _notifiedSelected = selectedKey;
            _ = OnSelectedRunChanged.InvokeAsync(selected);
        }
    }

    private void DrawSurface()
    {
        if (_disposed || !Canvas.IsReady)
        {
            return;
        }

        var (width, height) = Canvas.Size(_canvasId);
        if (width <= 0 || height <= 0)
        {
            return;
        }

        var surface = _session.Setup.Surface;
        var key = "heat:" + surface.Name;
        if (surface.Dimension == 2 && _heatKey != key)
        {
            var rgba = new byte[HeatWidth * HeatHeight * 4];
            HeatMap.Render(surface, surface.View, HeatWidth, HeatHeight, rgba);
            Canvas.SetImage(key, HeatWidth, HeatHeight, rgba);
            _heatKey = key;
        }

        var scene = new SurfaceScene(_session.Setup, surface.View, key, _session.Runs, _session.Selected, _session.Shown);
        _surfaceLayout = SurfaceRenderer.Render(scene, width, height, _commands);
        Canvas.Draw(_canvasId, _commands);
    }

    private async Task PlayAsync()
    {
        if (_playing)
        {
            return;
        }

        if (_session.Finished)
        {
            _session.Reset();
        }

        _playing = true;
        _carry = 1; // the first frame moves at once, so Play visibly responds
        Refresh();
        StateHasChanged();
        var last = DateTime.UtcNow;
        while (_playing && !_disposed)
        {
            await Canvas.NextFrameAsync();
            var now = DateTime.UtcNow;
            var seconds = Math.Min(0.1, (now - last).TotalSeconds);
            last = now;
            if (!_playing)
            {
                break;
            }

            Tick(seconds);
            StateHasChanged();
        }
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
        if (_playing)
        {
            _playing = false;
        }
        else
        {
            _ = PlayAsync();
        }
    }

    private void StepOnce()
    {
        _playing = false;
        _session.StepOnce();
        Refresh();
    }

    private void Reset()
    {
        _playing = false;
        _session.Reset();
        Refresh();
    }

    private void RunToEnd()
    {
        _playing = false;
        _session.RunToEnd();
        Refresh();
    }

    private void OnSpeed(ChangeEventArgs e)
    {
        if (int.TryParse(e.Value?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var speed) && speed > 0)
        {
            _speed = speed;
        }
    }

    private void OnSlider(ChangeEventArgs e)
    {
        if (double.TryParse(e.Value?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var position))
        {
            _sliderMoving = true;
            try
            {
                SetRate(LogSlider.FromPosition(position));
            }
            finally
            {
                _sliderMoving = false;
            }
        }
    }

    private void OnRateTyped(ChangeEventArgs e)
    {
        var text = e.Value?.ToString()?.Trim() ?? string.Empty;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var lr) && lr >= LabUrl.MinLr && lr <= LabUrl.MaxLr)
        {
            SetRate(lr);
        }
        else
        {
            _rateError = $"'{text}' is not a learning rate: type a number between {Fmt(LabUrl.MinLr)} and {Fmt(LabUrl.MaxLr)}, e.g. 0.05 or 3e-4.";
        }
    }

    private void SetRate(double lr)
    {
        _rateError = null;
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

    private void OnRaceOptimizer(ChangeEventArgs e)
    {
        var name = e.Value?.ToString() ?? string.Empty;
        if (LabSimulation.Names.Contains(name))
        {
            _raceOptimizer = name;
        }
    }

    private void OnRaceRateChoice(ChangeEventArgs e) => _raceAtDefault = e.Value?.ToString() != "current";

    /// <summary>Race the optimizer picked beside "+ Add optimizer" (at its usual rate or the current one) and select it.</summary>
    public void AddOptimizer(string optimizer, bool atDefaultRate)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        var lr = atDefaultRate ? LabSession.DefaultRate(optimizer) : _session.Current.Lr;
        var label = OptimizerLabel(optimizer) + " at α = " + Fmt(lr);
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

    private void AddOptimizer() => AddOptimizer(_raceOptimizer, _raceAtDefault);

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

    private void OnPreset(ChangeEventArgs e)
    {
        if (LabPresets.Find(e.Value?.ToString() ?? string.Empty) is { } preset)
        {
            LoadPreset(preset);
        }
    }

    /// <summary>Show a preset and play it.</summary>
    public void LoadPreset(LabPreset preset)
    {
        ArgumentNullException.ThrowIfNull(preset);
        _playing = false;
        _notices.Clear();
        _session = new LabSession(preset.State);
        _formulaOpen = false;
        _formulaError = null;
        _setupError = null;
        _rateError = null;
        _raceNote = null;
        Refresh();
        _ = PlayAsync();
    }

    private void OnSurfaceSelect(ChangeEventArgs e)
    {
        var choice = e.Value?.ToString() ?? string.Empty;
        if (choice == CustomChoice)
        {
            _formulaOpen = true;
            _formulaText = SurfaceCatalog.Find(_session.Setup.Surface.Name) is null ? _session.Setup.Surface.Name : "x^2 + 10*y^2";
            _formulaError = null;
            ApplyFormula(_formulaText);
            return;
        }

        _formulaOpen = false;
        _formulaError = null;
        ApplyState(_session.State with { Surface = choice, Start = null });
    }

    private void OnFormula(ChangeEventArgs e) => ApplyFormula(e.Value?.ToString() ?? string.Empty);

    private void ApplyFormula(string text)
    {
        _formulaText = text;
        if (LabUrl.TryResolve(text, out _, out var error))
        {
            _formulaError = null;
            ApplyState(_session.State with { Surface = text.Trim(), Start = null });
        }
        else
        {
            _formulaError = error;
        }
    }

    private void OnOptimizer(ChangeEventArgs e)
    {
        var name = e.Value?.ToString() ?? "sgd";
        ApplyState(_session.State with
        {
            Optimizer = name,
            Momentum = null,
            Nesterov = false,
            Beta1 = null,
            Beta2 = null,
            Eps = null,
            WeightDecay = null,
            Alpha = null,
            Centered = false,
            Shrink = null,
            ArmijoC = null,
        });
    }

    private void OnSteps(ChangeEventArgs e)
    {
        if (int.TryParse(e.Value?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var steps) && steps is >= 1 and <= LabState.MaxSteps)
        {
            ApplyState(_session.State with { Steps = steps });
        }
        else
        {
            _setupError = $"Steps must be a whole number from 1 to {LabState.MaxSteps}.";
        }
    }

    private void ApplyState(LabState state)
    {
        _playing = false;
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

    private void OnCanvasClick(MouseEventArgs e)
    {
        if (_surfaceLayout is null)
        {
            return;
        }

        var scene = new SurfaceScene(_session.Setup, _session.Setup.Surface.View, _heatKey ?? string.Empty, _session.Runs, _session.Selected, _session.Shown);
        if (SurfaceRenderer.PointAt(scene, _surfaceLayout, e.OffsetX, e.OffsetY) is { } point)
        {
            ApplyStart(point);
        }
    }

    // The canvas click, the typed fields and "default start" all land here: LabSession.Apply with the new start.
    private void ApplyStart(IReadOnlyList<double>? start)
    {
        _startError = null;
        ApplyState(_session.State with { Start = start });
    }

    // Arrow keys on the focused canvas keep nudging the rate (the page-wide shortcut); Enter opens the typed start
    // fields, which come next in the tab order.
    private void OnCanvasKey(KeyboardEventArgs e)
    {
        if (e.Key == "Enter" && !_startOpen)
        {
            ToggleStart();
        }
    }

    private void ToggleStart()
    {
        _startOpen = !_startOpen;
        _startError = null;
    }

    private void OnStartTyped(int axis, ChangeEventArgs e)
    {
        var text = e.Value?.ToString()?.Trim() ?? string.Empty;
        var name = axis == 0 ? "x" : "y";
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || Math.Abs(value) > MaxStart)
        {
            _startError = $"Start {name}: '{text}' is not a number; type one like -4 or 2.5 (at most {MaxStart.ToString("N0", CultureInfo.InvariantCulture)} either way).";
            return;
        }

        var start = _session.Setup.Start.ToArray();
        if (axis >= start.Length)
        {
            return;
        }

        start[axis] = value;
        ApplyStart(start);
    }

    private void DefaultStart() => ApplyStart(null);

    private void MarkUrlDirty()
    {
        if (!SyncUrl)
        {
            return;
        }

        _urlDirty = true;
        if (!_urlFlushing)
        {
            _urlFlushing = true;
            _ = FlushUrlAsync();
        }
    }

    // Browsers throttle history updates made every frame, so the address bar follows at most 5 times a second.
    private async Task FlushUrlAsync()
    {
        try
        {
            while (_urlDirty && !_disposed)
            {
                _urlDirty = false;
                await InvokeAsync(() => Browser.ReplaceUrl(Path + LabUrl.Serialize(_session.State)));
                await Task.Delay(200);
            }
        }
        finally
        {
            _urlFlushing = false;
        }
    }

    private static string ConvergeText(LabRun run)
    {
        var t = run.Trajectory;
        if (t.BlowUpStep is { } b)
        {
            return $"overflowed at step {b}";
        }

        if (t.StepsToConverge is { } k)
        {
            return $"converged in {k} steps";
        }

        if (t.Pattern == LrLab.Core.Pattern.Diverging)
        {
            return $"moving away: loss {Numbers.Short(t.FinalLoss, 3)} by step {t.Steps.Count - 1}";
        }

        return t.EstimatedStepsToConverge is { } e
            ? $"not within {t.Steps.Count - 1} steps (≈{e.ToString("N0", CultureInfo.InvariantCulture)} at this pace)"
            : $"not within {t.Steps.Count - 1} steps";
    }

    /// <summary>How the legend, chart and verdict name an optimizer ("line search" for the lab's <c>linesearch</c>).</summary>
    internal static string OptimizerLabel(string optimizer) => LabSimulation.IsLineSearch(optimizer) ? "line search" : optimizer;

    // "α = 0.05" in a race of one optimizer (as before); "adam · α = 0.1" when the race mixes optimizers.
    private string RunLabel(LabRun run)
    {
        var rate = (run.Setup.IsLineSearch ? "α₀ = " : "α = ") + Fmt(run.Lr);
        return _session.Mixed ? OptimizerLabel(run.Optimizer) + " · " + rate : "α = " + Fmt(run.Lr);
    }

    // Written at the end of each raced line so it can be told apart without its colour.
    private string? EndLabel(LabRun run) =>
        _session.Runs.Count < 2 ? null : _session.Mixed ? OptimizerLabel(run.Optimizer) + " " + Fmt(run.Lr) : Fmt(run.Lr);

    private static string Percent(double lr) => LogSlider.Percent(lr).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    internal static string Fmt(double v) => v.ToString("G4", CultureInfo.InvariantCulture);

    private static string StartText(double v) => v.ToString("G6", CultureInfo.InvariantCulture);

    internal static string Point(IReadOnlyList<double> p) => "(" + string.Join(", ", p.Select(v => Numbers.Short(v))) + ")";
}
