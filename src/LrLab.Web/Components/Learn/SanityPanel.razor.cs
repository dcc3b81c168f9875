using System.Globalization;
using LrLab.Core.Plotting;
using LrLab.Core.Training;
using LrLab.Web.Digits;
using LrLab.Web.Finder;
using LrLab.Web.Lab;
using LrLab.Web.Learn;
using Microsoft.AspNetCore.Components;

namespace LrLab.Web.Components.Learn;

/// <summary>
/// The sanity-check lesson's panel: measures the untrained loss, overfits one batch and records update-to-weight ratios on
/// the MNIST network in the browser, in slices (<see cref="SliceRunner"/>) so the page stays responsive.
/// </summary>
public sealed partial class SanityPanel : IDisposable
{
    /// <summary>Rates offered for the ratio run.</summary>
    public static readonly IReadOnlyList<double> RatioRates = [0.001, 0.01, 0.1, 1];

    private SanityLab? _lab;
    private SanityLab.OverfitRun? _overfit;
    private SanityLab.RatioRun? _ratios;
    private double? _ratioLr;
    private string _overfitText = string.Empty;
    private bool _busy;
    private double _progress;
    private string? _error;
    private CancellationTokenSource? _cancel;

    [Inject]
    private IDigitData Digits { get; set; } = null!;

    [Inject]
    private IServiceProvider Services { get; set; } = null!;

    /// <summary>Pause between slices (a short delay in the browser; tests may shorten it).</summary>
    [Parameter]
    public Func<Task> Pause { get; set; } = () => Task.Delay(1);

    /// <summary>The first check as a prediction; its run measures the loss.</summary>
    public static Prediction InitialPrediction { get; } = new()
    {
        Id = "sanity-initial-loss",
        Prompt = string.Create(CultureInfo.InvariantCulture, $"Before any training, the network guesses. What will its mean cross-entropy over {SanityLab.InitialLossDigits:N0} training digits be?"),
        Choices = ["About 0", "About 1", "About 2.3", "About 10"],
        RunLabel = "Measure it",
    };

    /// <summary>Which choice of <see cref="InitialPrediction"/> a measured loss matches.</summary>
    public static int NearestChoice(double loss)
    {
        double[] anchors = [0, 1, 2.3, 10];
        return Array.IndexOf(anchors, anchors.MinBy(a => Math.Abs(a - loss)));
    }

    private async Task<SanityLab> LabAsync()
    {
        if (_lab is null)
        {
            _cancel ??= new CancellationTokenSource();
            _lab = new SanityLab(await Digits.LoadDigitsAsync(_cancel.Token), kernels: (IMatrixKernels?)Services.GetService(typeof(IMatrixKernels)));
        }

        return _lab;
    }

    private async Task<PredictionOutcome> MeasureInitialAsync()
    {
        var lab = await LabAsync();
        await Pause();
        var loss = lab.InitialLoss();
        return new PredictionOutcome(
            NearestChoice(loss),
            string.Create(CultureInfo.InvariantCulture, $"The untrained network scores {N(loss)} on {Math.Min(SanityLab.InitialLossDigits, lab.Data.Train.Count):N0} digits; ln 10 = {N(lab.ChanceLoss)}. Its outputs are close to uniform, 1/10 for every digit, as they should be."));
    }

    private async Task OverfitAsync()
    {
        await RunAsync(async lab =>
        {
            var run = lab.StartOverfit();
            _overfit = run;
            await Slices(run.Step, () => run.Losses.Count / (double)SanityLab.OverfitSteps);
            if (run.Done)
            {
                var (accuracy, loss) = run.OnBatch();
                _overfitText = string.Create(CultureInfo.InvariantCulture,
                    $"Batch loss {N(run.Losses[0])} at the start, {N(run.Losses[^1])} at step {run.Losses.Count}; afterwards the batch scores {N(loss)} and {accuracy * 100:0}% of its {SanityLab.OverfitBatch} digits are right. On the 2,000 test digits it gets {run.TestAccuracy() * 100:0.0}%: memorised, not learned.");
            }
        });
    }

    private async Task RatiosAsync(double lr)
    {
        _ratioLr = lr;
        await RunAsync(async lab =>
        {
            var run = lab.StartRatios(lr);
            _ratios = run;
            await Slices(run.Step, () => run.Fc1.Count / (double)SanityLab.RatioSteps);
        });
    }

    private async Task RunAsync(Func<SanityLab, Task> work)
    {
        _busy = true;
        _error = null;
        _progress = 0;
        _cancel = new CancellationTokenSource();
        try
        {
            await work(await LabAsync());
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException or OperationCanceledException)
        {
            _error = e is OperationCanceledException ? "Stopped." : "The digits could not be loaded: " + e.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private Task<bool> Slices(Func<bool> step, Func<double> progress) =>
        SliceRunner.RunAsync(step, () => { _progress = progress(); StateHasChanged(); }, Pause, SliceRunner.DefaultBudget, _cancel!.Token);

    private void Cancel() => _cancel?.Cancel();

    private static Chart OverfitChart(SanityLab.OverfitRun run) => new(
        string.Empty, new Axis("step"), new Axis("loss", Log: true), [new ChartSeries("batch loss", run.Losses.ToArray()) { Color = Palette.Blue, XStart = 1 }]);

    private static Chart RatioChart(SanityLab.RatioRun run) => new(
        string.Empty, new Axis("step"), new Axis("‖Δθ‖/‖θ‖", Log: true), [
            new ChartSeries("fc1", run.Fc1.ToArray()) { Color = Palette.Vermillion, XStart = 1 },
            new ChartSeries("fc2", run.Fc2.ToArray()) { Color = Palette.Blue, XStart = 1 },
            new ChartSeries("1e-3", Enumerable.Repeat(SanityChecks.TypicalUpdateRatio, run.Fc1.Count).ToArray()) { Color = Palette.Reference, XStart = 1, Dashed = true, Width = 1 },
        ]);

    private static string Judge(double ratio) => (ratio / SanityChecks.TypicalUpdateRatio) switch
    {
        <= 0.1 => "ten times below or more: the rate is probably too small",
        >= 10 => "ten times above or more: the rate is probably too large",
        _ => "within a factor of ten",
    };

    private static string N(double v) => Numbers.Short(v, 4);

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public void Dispose()
    {
        _cancel?.Cancel();
        _cancel?.Dispose();
    }
}
