using System.Globalization;
using LrLab.Core.Plotting;
using LrLab.Core.Schedules;
using LrLab.Core.Simulation;
using LrLab.Core.Surfaces;
using LrLab.Web.Interop;
using LrLab.Web.Lab;
using LrLab.Web.Learn;
using Microsoft.AspNetCore.Components;

namespace LrLab.Web.Components.Learn;

/// <summary>
/// A small lab bound to a lesson's <see cref="WidgetPreset"/>: rate slider and buttons over the lab's own parts (a
/// <see cref="LabSession"/> runs it, the lab's <see cref="Lab.SurfaceView"/> and <see cref="Charts.LineChart"/> draw it, the
/// lab's <see cref="LabClock"/> plays it), so any optimizer the lab runs, line search included, runs in a lesson.
/// Every finished choice is reported through <see cref="OnRun"/> so guided experiments can check what the student did.
/// </summary>
public sealed partial class LessonWidget : IDisposable
{
    private WidgetPreset? _boundPreset;
    private string _surfaceName = "bowl";
    private string _optimizer = "sgd";
    private double _lr = 0.01;
    private int _batch = 1;
    private string _schedule = string.Empty;
    private Surface _surface = SurfaceCatalog.Find("bowl")!;
    private readonly LabClock _clock = new();
    private LabSession _session = null!;
    private Chart _lossModel = null!;
    private IReadOnlyList<double>? _start;
    private string? _inputError;
    private bool _disposed;

    /// <summary>What the widget starts with and which knobs it shows.</summary>
    [Parameter, EditorRequired]
    public WidgetPreset Preset { get; set; } = null!;

    /// <summary>Prefix for element ids (unique on the page).</summary>
    [Parameter]
    public string Id { get; set; } = "widget";

    /// <summary>Raised after each run the student asked for (not for the initial preset run).</summary>
    [Parameter]
    public EventCallback<LabObservation> OnRun { get; set; }

    /// <summary>The run currently shown.</summary>
    public Trajectory Run => _session.Current.Trajectory;

    [Inject]
    private ICanvasInterop Canvas { get; set; } = null!;

    private string LrText => Fmt(_lr);

    private string SurfaceLabel => _surfaceName == "noisy-bowl" ? "the noisy bowl" : $"the {_surfaceName}";

    private string PositionLabel => _surface.Dimension == 1 ? "w" : "(x, y)";

    private string PositionText
    {
        get
        {
            var p = Run.Steps[_session.Shown].Params;
            return p.Length == 1 ? Short(p[0]) : $"({Short(p[0])}, {Short(p[1])})";
        }
    }

    private string LossText => FmtLoss(Run.Steps[_session.Shown].Loss);

    private string TrailDescription =>
        $"{_surfaceName} with the path of {_optimizer} at rate {LrText}: {_session.Shown} of {Run.Steps.Count - 1} steps shown, {VerdictText.Describe(Run.Verdict, Run.Pattern)}";

    private string RateNowText => Fmt(Run.Steps[_session.Shown].Lr);

    private string? ScheduleLink =>
        SchedulePresets.All.FirstOrDefault(s => s.Name == _schedule) is { } preset
            ? string.Create(CultureInfo.InvariantCulture, $"schedules?schedule={Uri.EscapeDataString(preset.Spec)}&lr={_lr}&steps={Preset.Steps}")
            : null;

    private string LabLink => (Preset with { Surface = _surfaceName, Optimizer = _optimizer, Lr = _lr }).LabLink();

    /// <inheritdoc/>
    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(_boundPreset, Preset))
        {
            _boundPreset = Preset;
            StopPlaying();
            _surfaceName = Preset.Surface;
            _optimizer = Preset.Optimizer;
            _lr = Preset.Lr;
            _batch = Preset.BatchChoices.Count > 0 ? Preset.BatchChoices[0] : 1;
            _schedule = string.Empty;
            _inputError = null;
            _start = null;
            Compute(surfaceChanged: true);
        }
    }

    /// <summary>Rounds a rate to two significant digits so the slider lands on 0.05, 0.3, 0.001 exactly.</summary>
    public static double RoundRate(double lr) =>
        double.Parse(lr.ToString("G2", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>Sets the rate, reruns and reports (quick buttons, tests).</summary>
    public async Task SetRateAsync(double lr)
    {
        _inputError = null;
        _lr = lr;
        Compute(surfaceChanged: false);
        await ReportAsync();
    }

    private void OnSlide(ChangeEventArgs e)
    {
        if (TryReadSlider(e, out var lr))
        {
            _lr = lr;
            Compute(surfaceChanged: false);
        }
    }

    private async Task OnSlideDoneAsync(ChangeEventArgs e)
    {
        if (TryReadSlider(e, out var lr))
        {
            await SetRateAsync(lr);
        }
    }

    private async Task OnExactAsync(ChangeEventArgs e)
    {
        var text = e.Value?.ToString();
        if (QuizQuestion.TryReadNumber(text, out var lr) && lr >= Preset.LrMin * (1 - 1e-9) && lr <= Preset.LrMax * (1 + 1e-9))
        {
            await SetRateAsync(lr);
        }
        else
        {
            _inputError = $"Enter a rate between {Fmt(Preset.LrMin)} and {Fmt(Preset.LrMax)}.";
        }
    }

    private async Task OnSurfaceAsync(ChangeEventArgs e)
    {
        var name = e.Value?.ToString();
        if (name is not null && Preset.SurfaceChoices.Contains(name))
        {
            _surfaceName = name;
            Compute(surfaceChanged: true);
            await ReportAsync();
        }
    }

    private async Task OnOptimizerAsync(ChangeEventArgs e)
    {
        var name = e.Value?.ToString();
        if (name is not null && Preset.OptimizerChoices.Contains(name))
        {
            _optimizer = name;
            Compute(surfaceChanged: false);
            await ReportAsync();
        }
    }

    private async Task OnBatchAsync(ChangeEventArgs e)
    {
        if (int.TryParse(e.Value?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var batch) && Preset.BatchChoices.Contains(batch))
        {
            _batch = batch;
            Compute(surfaceChanged: false);
            await ReportAsync();
        }
    }

    private async Task OnScheduleAsync(ChangeEventArgs e)
    {
        var name = e.Value?.ToString() ?? string.Empty;
        if (name.Length == 0 || Preset.ScheduleChoices.Contains(name))
        {
            _schedule = name;
            Compute(surfaceChanged: false);
            await ReportAsync();
        }
    }

    private void StepOnce()
    {
        StopPlaying();
        _session.Advance(1);
        Redraw();
    }

    private void Reset()
    {
        StopPlaying();
        _session.Reset();
        Redraw();
    }

    private async Task TogglePlayAsync()
    {
        if (_clock.Playing)
        {
            StopPlaying();
            return;
        }

        if (_session.Finished)
        {
            _session.Reset();
        }

        // The lab's clock: long runs play faster, so a 200-step run takes a few seconds as it did before.
        _clock.SetSpeed(Run.Steps.Count > 60 ? "30" : "10");
        _clock.Start();
        await _clock.RunAsync(Canvas.NextFrameAsync, seconds =>
        {
            if (_disposed)
            {
                return false;
            }

            _clock.Tick(_session, seconds);
            Redraw();
            StateHasChanged();
            return true;
        });
    }

    private void StopPlaying() => _clock.Stop();

    private async Task StartFromAsync(IReadOnlyList<double>? start)
    {
        _start = start;
        Compute(surfaceChanged: false);
        await ReportAsync();
    }

    private void Compute(bool surfaceChanged)
    {
        StopPlaying();
        if (surfaceChanged)
        {
            _surface = SurfaceCatalog.Find(_surfaceName) ?? SurfaceCatalog.Find("bowl")!;
            _start = null;
        }

        var schedulePreset = SchedulePresets.All.FirstOrDefault(s => s.Name == _schedule);
        _session = new LabSession(new LabState
        {
            Surface = _surface.Name,
            Optimizer = _optimizer,
            Lr = _lr,
            Steps = Preset.Steps,
            Batch = _batch,
            Schedule = schedulePreset?.Spec,
            Start = _start,
        });
        _session.RunToEnd();
        Redraw();
    }

    // The loss chart shows the run up to the step on screen, as the lab's does.
    private void Redraw()
    {
        var run = _session.Current;
        var count = Math.Min(_session.Shown, run.LastIndex) + 1;
        _lossModel = new Chart(string.Empty, new Axis("step") { Min = 0, Max = Math.Max(1, Preset.Steps) }, new Axis("loss", Log: true), [new ChartSeries(RunLabels.RunLabel(_session, run), run.Losses.AsMemory(0, count)) { Color = run.Color }])
        {
            ShowLegend = false,
            FormatX = x => x.ToString("0", CultureInfo.InvariantCulture),
            FormatY = y => y.ToString("G5", CultureInfo.InvariantCulture),
        };
    }

    private Task ReportAsync() => OnRun.InvokeAsync(new LabObservation(
        _surfaceName,
        _optimizer,
        _lr,
        Run.Steps.Count - 1,
        Run.StepsToConverge,
        Run.EstimatedStepsToConverge,
        Run.Verdict,
        Run.Pattern,
        Run.FinalLoss,
        _batch,
        _schedule.Length == 0 ? null : _schedule));

    private bool TryReadSlider(ChangeEventArgs e, out double lr)
    {
        lr = 0;
        if (!double.TryParse(e.Value?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var exponent) || !double.IsFinite(exponent))
        {
            return false;
        }

        lr = Math.Clamp(RoundRate(Math.Pow(10, exponent)), Preset.LrMin, Preset.LrMax);
        return true;
    }

    private static bool Same(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(Math.Abs(a), Math.Abs(b));

    private static string Fmt(double v) => v.ToString("G4", CultureInfo.InvariantCulture);

    private static string Short(double v) => Math.Abs(v) < 1e-6 ? "≈0" : v.ToString("G3", CultureInfo.InvariantCulture);

    private static string FmtLoss(double v) => v switch
    {
        double.NaN => "NaN",
        double.PositiveInfinity => "inf",
        _ => v.ToString("G4", CultureInfo.InvariantCulture),
    };

    /// <inheritdoc/>
    public void Dispose()
    {
        _disposed = true;
        StopPlaying();
    }
}
