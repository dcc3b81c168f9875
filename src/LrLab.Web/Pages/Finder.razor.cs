using LrLab.Core.Plotting;
using LrLab.Web.Finder;
using Microsoft.AspNetCore.Components;

namespace LrLab.Web.Pages;

/// <summary>/finder: the LR range test on the MNIST network, in the browser.</summary>
public sealed partial class Finder
{
    private IReadOnlyList<string> _notices = [];
    private FinderSettingsForm _form = null!;
    private bool _settingsOpen;

    [Inject]
    private IFinderModel Model { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    private FinderController Controller { get; set; } = null!;

    private FinderSettings Settings => Controller.Settings;

    private Chart RangeChart => Controller.Live is { } run
        ? FinderCharts.RangeTest(run.Lrs, run.Losses, run.SmoothedLosses, Controller.Result, run.Options)
        : FinderCharts.RangeTest([], [], [], null, Controller.Options);

    private Chart ComparisonChart => FinderCharts.Training(Controller.Comparison);

    private Chart GridChart => FinderCharts.Training(Controller.Grid);

    /// <inheritdoc />
    public void Dispose() => Controller.Dispose();

    /// <inheritdoc />
    protected override void OnInitialized()
    {
        Controller = new FinderController(Model, () => Task.Delay(1));
        Controller.Changed += () => _ = InvokeAsync(StateHasChanged);
        var (settings, notices) = FinderUrl.Parse(new Uri(Navigation.Uri).Query);
        Controller.Settings = settings;
        _form = new FinderSettingsForm(settings);
        _notices = notices;

        // Open the settings when the link set any of them (or tried to), so the user sees what the test will use.
        var defaults = new FinderSettings { Optimizer = settings.Optimizer };
        _settingsOpen = settings != defaults || notices.Any(n => !n.StartsWith("Unknown optimizer", StringComparison.Ordinal));
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
        _form.SetOptimizer(e.Value?.ToString() ?? FinderUrl.DefaultOptimizer);
        OnSettingsChanged();
    }

    private void OnSettingsChanged()
    {
        Controller.Settings = _form.Settings;
        _notices = [];
        Navigation.NavigateTo(FinderUrl.Build(Controller.Settings), new NavigationOptions { ReplaceHistoryEntry = true });
    }
}
