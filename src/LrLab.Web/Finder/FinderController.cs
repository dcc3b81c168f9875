using System.Diagnostics;
using System.Globalization;
using LrLab.Core.Finder;
using LrLab.Core.Plotting;

namespace LrLab.Web.Finder;

/// <summary>
/// Everything the finder page does, without the page: runs the range test and the comparison trainings
/// in slices, keeps their live state, cancels. Plain C# so xUnit and bUnit can drive it with a fake model.
/// </summary>
public sealed class FinderController : IDisposable
{
    private static readonly string[] _gridColors = [Palette.Blue, Palette.Orange, Palette.ReddishPurple];
    private readonly IFinderModel _model;
    private readonly Func<Task> _pause;
    private readonly TimeSpan _budget;
    private CancellationTokenSource? _cancel;

    /// <summary>A controller over <paramref name="model"/>; <paramref name="pause"/> yields to the page between slices.</summary>
    public FinderController(IFinderModel model, Func<Task> pause, TimeSpan? budget = null)
    {
        _model = model;
        _pause = pause;
        _budget = budget ?? SliceRunner.DefaultBudget;
    }

    /// <summary>Raised after every slice and every phase change, so the page can re-render.</summary>
    public event Action? Changed;

    /// <summary>What is running now.</summary>
    public FinderPhase Phase { get; private set; }

    /// <summary>True while anything runs.</summary>
    public bool IsBusy => Phase != FinderPhase.Idle;

    /// <summary>What the next range test (and the grid) runs with; the page's form keeps it valid.</summary>
    public FinderSettings Settings { get; set; } = new();

    /// <summary>Optimizer name (factory name, e.g. <c>sgd</c>): a shortcut into <see cref="Settings"/>.</summary>
    public string Optimizer
    {
        get => Settings.Optimizer;
        set => Settings = Settings with { Optimizer = value };
    }

    /// <summary>Core's range-test options for <see cref="Settings"/>.</summary>
    public RangeTestOptions Options => Settings.ToOptions();

    /// <summary>The settings of the last range test: "train with this rate" trains that network (optimizer, seed, batch size).</summary>
    public FinderSettings? Tested { get; private set; }

    /// <summary>
    /// Steps each comparison run trains; by default one pass over the training data at the batch size
    /// of the run (125 for 8,000 digits at batch 64). Tests set it to keep runs short.
    /// </summary>
    public int? TrainSteps { get; set; }

    /// <summary>Steps a comparison or grid run trains with <paramref name="settings"/>: <see cref="TrainSteps"/> if set, else one pass over the data.</summary>
    public int StepsFor(FinderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return TrainSteps ?? _model.StepsPerEpoch(settings.BatchSize);
    }

    /// <summary>The test in progress (for the progress bar and the live curve), or the last one.</summary>
    public RangeTestRun? Live { get; private set; }

    /// <summary>The finished (or cancelled) test.</summary>
    public FinderResult? Result { get; private set; }

    /// <summary>Wall time of the last range test.</summary>
    public TimeSpan? Elapsed { get; private set; }

    /// <summary>The last error in words, or null.</summary>
    public string? Error { get; private set; }

    /// <summary>Status line for the page (also read by screen readers).</summary>
    public string Status { get; private set; } = "Ready. The digits (a 1.6 MB download, checked once unpacked) are fetched when the first test starts.";

    /// <summary>The "train with this rate" runs: ÷100, the rate, ×10.</summary>
    public IReadOnlyList<TrainingCurve> Comparison { get; private set; } = [];

    /// <summary>The coarse-grid runs (0.01 / 0.1 / 1 or the adaptive grid).</summary>
    public IReadOnlyList<TrainingCurve> Grid { get; private set; } = [];

    /// <summary>The settings the grid runs trained with (optimizer, batch size, seed).</summary>
    public FinderSettings? GridSettings { get; private set; }

    /// <summary>Fraction done of whatever runs now, 0 to 1.</summary>
    public double Progress { get; private set; }

    /// <summary>Stops the running phase at the next slice; a cancelled range test still restores and reports what it saw.</summary>
    public void Cancel() => _cancel?.Cancel();

    /// <summary>Cancels whatever runs (the page is going away).</summary>
    public void Dispose() => Cancel();

    /// <summary>Loads the data if needed, then runs the range test on a fresh network.</summary>
    public async Task RunRangeTestAsync()
    {
        if (IsBusy)
        {
            return;
        }

        using var cancel = Begin();
        IRangeTestTarget? target = null;
        try
        {
            if (!await LoadAsync(cancel.Token).ConfigureAwait(true))
            {
                return;
            }

            var settings = Settings;
            var options = settings.ToOptions();
            options.Validate();
            target = _model.Create(settings.Optimizer, settings.Seed, settings.BatchSize);
            var run = new RangeTestRun(target, options);
            Live = run;
            Tested = settings;
            Result = null;
            Comparison = [];
            Phase = FinderPhase.RangeTest;
            Status = "Running the range test…";
            Notify();
            var clock = Stopwatch.StartNew();
            var finished = await SliceRunner.RunAsync(
                run.Advance,
                () =>
                {
                    Progress = run.Progress;
                    Notify();
                },
                _pause,
                _budget,
                cancel.Token).ConfigureAwait(true);
            Result = run.Complete();
            Elapsed = clock.Elapsed;
            Status = finished
                ? Invariant($"Range test done in {Elapsed.Value.TotalSeconds:0.0} s: {Result.Iterations} mini-batches.")
                : Invariant($"Range test cancelled after {Result.Iterations} mini-batches.");
        }
        catch (OperationCanceledException)
        {
            Status = "Cancelled before the test started.";
        }
#pragma warning disable CA1031 // The page shows any failure as a message instead of dying.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Error = ParameterNames.Say(e);
            Status = "The range test failed: " + Error;
        }
        finally
        {
            (target as IDisposable)?.Dispose();
            End();
        }
    }

    /// <summary>Trains the network at <paramref name="lr"/>, at lr ÷ 100 and at lr × 10, side by side.</summary>
    /// <remarks>The runs train the network of the last range test (its optimizer, seed and batch size), or of <see cref="Settings"/> before any test.</remarks>
    public Task TrainComparisonAsync(double lr) => TrainAsync(
        Tested ?? Settings,
        [new TrainingCurve("÷ 100: too small", lr / 100, Palette.SkyBlue), new TrainingCurve("the rate", lr, Palette.BluishGreen), new TrainingCurve("× 10: too large", lr * 10, Palette.Vermillion)],
        curves => Comparison = curves);

    /// <summary>Trains at each rate of the optimizer's coarse grid, side by side, with the current <see cref="Settings"/>.</summary>
    public Task TrainGridAsync() => TrainAsync(
        Settings,
        [.. CoarseGrid.For(Optimizer).Select((lr, i) => new TrainingCurve("grid", lr, _gridColors[i % _gridColors.Length]))],
        curves =>
        {
            Grid = curves;
            GridSettings = Settings;
        });

    private async Task TrainAsync(FinderSettings settings, TrainingCurve[] curves, Action<IReadOnlyList<TrainingCurve>> publish)
    {
        if (IsBusy)
        {
            return;
        }

        using var cancel = Begin();
        IRangeTestTarget[] targets = [];
        try
        {
            if (!await LoadAsync(cancel.Token).ConfigureAwait(true))
            {
                return;
            }

            // Same seed for every run: same initial weights, same batch order, only the rate differs.
            targets = [.. curves.Select(_ => _model.Create(settings.Optimizer, settings.Seed, settings.BatchSize))];
            var steps = StepsFor(settings);
            publish(curves);
            Phase = FinderPhase.Training;
            Status = "Training " + string.Join(", ", curves.Select(c => c.Lr.ToString("G3", CultureInfo.InvariantCulture))) + "…";
            Notify();
            var step = 0;
            var finished = await SliceRunner.RunAsync(
                () =>
                {
                    for (var i = 0; i < curves.Length; i++)
                    {
                        if (!curves[i].BlewUp)
                        {
                            curves[i].Add(targets[i].TrainStep(curves[i].Lr));
                        }
                    }

                    return ++step < steps;
                },
                () =>
                {
                    Progress = step / (double)steps;
                    Notify();
                },
                _pause,
                _budget,
                cancel.Token).ConfigureAwait(true);
            for (var i = 0; i < curves.Length; i++)
            {
                curves[i].TestAccuracy = curves[i].BlewUp ? null : _model.TestAccuracy(targets[i]);
            }

            Status = finished ? Invariant($"Trained {step} steps at each rate.") : Invariant($"Training cancelled after {step} steps.");
        }
        catch (OperationCanceledException)
        {
            Status = "Cancelled before training started.";
        }
#pragma warning disable CA1031
        catch (Exception e)
#pragma warning restore CA1031
        {
            Error = ParameterNames.Say(e);
            Status = "Training failed: " + Error;
        }
        finally
        {
            foreach (var target in targets)
            {
                (target as IDisposable)?.Dispose();
            }

            End();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        if (_model.IsLoaded)
        {
            return true;
        }

        Phase = FinderPhase.Loading;
        Status = "Loading the digits…";
        Notify();
        await _model.LoadAsync(cancellation).ConfigureAwait(true);
        cancellation.ThrowIfCancellationRequested();
        return true;
    }

    private CancellationTokenSource Begin()
    {
        Error = null;
        Progress = 0;
        _cancel = new CancellationTokenSource();
        return _cancel;
    }

    private void End()
    {
        Phase = FinderPhase.Idle;
        _cancel = null;
        Notify();
    }

    private void Notify() => Changed?.Invoke();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
