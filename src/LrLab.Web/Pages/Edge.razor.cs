using LrLab.Core.Plotting;
using LrLab.Core.Training;
using LrLab.Web.Digits;
using LrLab.Web.Edge;
using Microsoft.AspNetCore.Components;

namespace LrLab.Web.Pages;

/// <summary>/edge: sharpness against 2/η under full-batch gradient descent on MNIST digits, in the browser.</summary>
public sealed partial class Edge
{
    private IReadOnlyList<string> _notices = [];
    private string _ratesText = string.Empty;
    private string? _ratesProblem;

    [Inject]
    private IDigitData Digits { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private IServiceProvider Services { get; set; } = null!;

    private EdgeController Controller { get; set; } = null!;

    private EdgeSettings Settings => Controller.Settings;

    private int ChartSteps => Controller.Ran?.Steps ?? Settings.Steps;

    private Chart SharpnessChart => EdgeCharts.Sharpness(Controller.Runs, ChartSteps);

    private Chart LossChart => EdgeCharts.Loss(Controller.Runs, ChartSteps);

    /// <inheritdoc />
    public void Dispose() => Controller.Dispose();

    /// <inheritdoc />
    protected override void OnInitialized()
    {
        Controller = new EdgeController(Digits, () => Task.Delay(1), kernels: (IMatrixKernels?)Services.GetService(typeof(IMatrixKernels)));
        Controller.Changed += () => _ = InvokeAsync(StateHasChanged);
        var (settings, notices) = EdgeUrl.Parse(new Uri(Navigation.Uri).Query);
        Controller.Settings = settings;
        _ratesText = settings.RatesText;
        _notices = notices;
    }

    private Task RunOrCancel()
    {
        if (Controller.IsBusy)
        {
            Controller.Cancel();
            return Task.CompletedTask;
        }

        return Controller.RunAsync();
    }

    private void OnRatesChanged(ChangeEventArgs e)
    {
        _ratesText = e.Value?.ToString() ?? string.Empty;
        var (rates, problem) = EdgeSettings.ParseRates(_ratesText);
        _ratesProblem = problem is null ? null : "Rates: " + problem + ".";
        if (rates is not null)
        {
            Apply(Settings with { Rates = rates });
        }
    }

    private void OnSamplesChanged(ChangeEventArgs e) =>
        Apply(Settings with { Samples = Math.Clamp(EdgeSettings.ParseWhole(e.Value?.ToString(), int.MinValue, int.MaxValue) ?? Settings.Samples, EdgeSettings.MinSamples, EdgeSettings.MaxSamples) });

    private void OnStepsChanged(ChangeEventArgs e) =>
        Apply(Settings with { Steps = Math.Clamp(EdgeSettings.ParseWhole(e.Value?.ToString(), int.MinValue, int.MaxValue) ?? Settings.Steps, EdgeSettings.MinSteps, EdgeSettings.MaxSteps) });

    private void Apply(EdgeSettings settings)
    {
        Controller.Settings = settings;
        _notices = [];
        Navigation.NavigateTo(EdgeUrl.Build(settings), new NavigationOptions { ReplaceHistoryEntry = true });
    }
}
