using System.Diagnostics;
using System.Globalization;
using LrLab.Core.Plotting;
using LrLab.Core.Training;
using LrLab.Web.Digits;
using LrLab.Web.Finder;

namespace LrLab.Web.Edge;

/// <summary>
/// Everything /edge does, without the page: loads the digits, trains every rate side by side in slices (so the page
/// stays live and can cancel), keeps the runs for the charts and the summaries. Plain C# for xUnit and bUnit.
/// </summary>
public sealed class EdgeController : IDisposable
{
    private readonly IDigitData _digits;
    private readonly Func<Task> _pause;
    private readonly TimeSpan _budget;
    private readonly IMatrixKernels? _kernels;
    private CancellationTokenSource? _cancel;
    private EdgeRun[] _runs = [];

    /// <summary>A controller over <paramref name="digits"/>; <paramref name="pause"/> yields to the page between slices; <paramref name="kernels"/> are the networks' matrix products (null = managed).</summary>
    public EdgeController(IDigitData digits, Func<Task> pause, TimeSpan? budget = null, IMatrixKernels? kernels = null)
    {
        _kernels = kernels;
        _digits = digits;
        _pause = pause;
        _budget = budget ?? SliceRunner.DefaultBudget;
    }

    /// <summary>Raised after every slice and state change.</summary>
    public event Action? Changed;

    /// <summary>What the next run trains.</summary>
    public EdgeSettings Settings { get; set; } = new();

    /// <summary>The settings of the runs shown.</summary>
    public EdgeSettings? Ran { get; private set; }

    /// <summary>True while loading or training.</summary>
    public bool IsBusy { get; private set; }

    /// <summary>Fraction done, 0 to 1.</summary>
    public double Progress { get; private set; }

    /// <summary>Status line (read by screen readers too).</summary>
    public string Status { get; private set; } = "Ready. The digits (about 7.5 MB) are fetched when the first run starts.";

    /// <summary>Wall time of the last run.</summary>
    public TimeSpan? Elapsed { get; private set; }

    /// <summary>True when the last run was cancelled.</summary>
    public bool Cancelled { get; private set; }

    /// <summary>The runs, one per rate, in the order of the settings.</summary>
    public IReadOnlyList<EdgeRun> Runs => _runs;

    /// <summary>Stops the run at the next slice; what was computed stays on the page.</summary>
    public void Cancel() => _cancel?.Cancel();

    /// <inheritdoc />
    public void Dispose()
    {
        Cancel();
        foreach (var run in _runs)
        {
            run.Dispose();
        }
    }

    /// <summary>Trains every rate of <see cref="Settings"/> for its steps, interleaved step by step.</summary>
    public async Task RunAsync()
    {
        if (IsBusy)
        {
            return;
        }

        IsBusy = true;
        Cancelled = false;
        Progress = 0;
        using var cancel = _cancel = new CancellationTokenSource();
        try
        {
            if (!_digits.IsLoaded)
            {
                Status = "Loading the digits…";
                Notify();
            }

            var all = (await _digits.LoadDigitsAsync(cancel.Token).ConfigureAwait(true)).Train;
            cancel.Token.ThrowIfCancellationRequested();
            var settings = Settings;
            var train = LrLab.Core.Training.MlpTraining.First(all, Math.Min(settings.Samples, all.Count));
            foreach (var old in _runs)
            {
                old.Dispose();
            }

            _runs = [.. settings.Rates.Select((lr, i) => new EdgeRun(train, lr, Palette.Of(i), settings.Steps, kernels: _kernels))];
            Ran = settings;
            Status = "Training " + string.Join(", ", settings.Rates.Select(r => "η = " + EdgeSettings.Rate(r))) + "…";
            Notify();
            var clock = Stopwatch.StartNew();
            var step = 0;
            var finished = await SliceRunner.RunAsync(
                () =>
                {
                    foreach (var run in _runs)
                    {
                        run.Advance();
                    }

                    return ++step < settings.Steps;
                },
                () =>
                {
                    Progress = step / (double)settings.Steps;
                    Notify();
                },
                _pause,
                _budget,
                cancel.Token).ConfigureAwait(true);
            Elapsed = clock.Elapsed;
            Cancelled = !finished;
            Status = finished
                ? Invariant($"Done: {settings.Steps} steps at each rate in {Elapsed.Value.TotalSeconds:0.0} s.")
                : Invariant($"Cancelled after {step} of {settings.Steps} steps; the curves show what was computed.");
        }
        catch (OperationCanceledException)
        {
            Cancelled = true;
            Status = "Cancelled before training started.";
        }
#pragma warning disable CA1031 // The page shows any failure as a message instead of dying.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Status = "The run failed: " + e.Message;
        }
        finally
        {
            IsBusy = false;
            _cancel = null;
            Notify();
        }
    }

    private void Notify() => Changed?.Invoke();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
