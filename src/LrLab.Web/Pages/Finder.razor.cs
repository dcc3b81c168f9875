using LrLab.Web.Components.Charts;
using LrLab.Web.Finder;
using Microsoft.AspNetCore.Components;

namespace LrLab.Web.Pages;

/// <summary>/finder: the LR range test on the MNIST network, in the browser.</summary>
public sealed partial class Finder
{
    private string? _urlProblem;

    [Inject]
    private IFinderModel Model { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    private FinderController Controller { get; set; } = null!;

    private ChartModel RangeChart => Controller.Live is { } run
        ? FinderCharts.RangeTest(run.Lrs, run.Losses, run.SmoothedLosses, Controller.Result, run.Options)
        : FinderCharts.RangeTest([], [], [], null, Controller.Options);

    private ChartModel ComparisonChart => FinderCharts.Training(Controller.Comparison);

    private ChartModel GridChart => FinderCharts.Training(Controller.Grid);

    /// <inheritdoc />
    public void Dispose() => Controller.Dispose();

    /// <inheritdoc />
    protected override void OnInitialized()
    {
        Controller = new FinderController(Model, () => Task.Delay(1));
        Controller.Changed += () => _ = InvokeAsync(StateHasChanged);
        var (optimizer, problem) = FinderUrl.Parse(new Uri(Navigation.Uri).Query);
        Controller.Optimizer = optimizer;
        _urlProblem = problem;
    }

    private Task RunOrCancel()
    {
        if (Controller.IsBusy)
        {
            Controller.Cancel();
            return Task.CompletedTask;
        }

        return Controller.RunRangeTestAsync();
    }

    private void OnOptimizerChanged(ChangeEventArgs e)
    {
        Controller.Optimizer = e.Value?.ToString() ?? FinderUrl.DefaultOptimizer;
        _urlProblem = null;
        Navigation.NavigateTo(FinderUrl.Build(Controller.Optimizer), new NavigationOptions { ReplaceHistoryEntry = true });
    }
}
