using LrLab.Web.Lab;
using Microsoft.AspNetCore.Components;

namespace LrLab.Web.Components.Lab;

/// <summary>
/// The lab's setup: preset, surface (or a typed formula), optimizer, steps and the optimizer's hyperparameters. Every
/// choice becomes a new <see cref="LabState"/> handed to <see cref="OnApply"/>; the lab applies it (or says why not).
/// </summary>
public sealed partial class LabSetupControls
{
    private const string CustomChoice = "__formula";
    private LabSession? _bound;
    private bool _formulaOpen;
    private string _formulaText = string.Empty;
    private string? _formulaError;
    private string? _stepsError;

    /// <summary>The lab's runs and their shared setup.</summary>
    [Parameter, EditorRequired]
    public LabSession Session { get; set; } = null!;

    /// <summary>Why the last setup could not be applied, if it could not.</summary>
    [Parameter]
    public string? Error { get; set; }

    /// <summary>A preset was chosen.</summary>
    [Parameter]
    public EventCallback<LabPreset> OnPreset { get; set; }

    /// <summary>A new setup to apply.</summary>
    [Parameter]
    public EventCallback<LabState> OnApply { get; set; }

    private string SurfaceChoice => Core.Surfaces.SurfaceCatalog.Find(Session.Setup.Surface.Name) is null ? CustomChoice : Session.Setup.Surface.Name;

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        // A new session (the first, or a preset): the formula box shows what it runs.
        if (!ReferenceEquals(_bound, Session))
        {
            _bound = Session;
            _formulaOpen = Core.Surfaces.SurfaceCatalog.Find(Session.Setup.Surface.Name) is null;
            _formulaText = Session.Setup.Surface.Name;
            _formulaError = null;
            _stepsError = null;
        }
    }

    private async Task OnPresetChosen(ChangeEventArgs e)
    {
        if (LabPresets.Find(e.Value?.ToString() ?? string.Empty) is { } preset)
        {
            await OnPreset.InvokeAsync(preset);
        }
    }

    private Task OnSurfaceSelect(ChangeEventArgs e)
    {
        var choice = e.Value?.ToString() ?? string.Empty;
        if (choice == CustomChoice)
        {
            _formulaOpen = true;
            _formulaText = Core.Surfaces.SurfaceCatalog.Find(Session.Setup.Surface.Name) is null ? Session.Setup.Surface.Name : "x^2 + 10*y^2";
            _formulaError = null;
            return ApplyFormula(_formulaText);
        }

        _formulaOpen = false;
        _formulaError = null;
        return Apply(Session.State with { Surface = choice, Start = null });
    }

    private Task OnFormula(ChangeEventArgs e) => ApplyFormula(e.Value?.ToString() ?? string.Empty);

    private Task ApplyFormula(string text)
    {
        _formulaText = text;
        if (LabUrl.TryResolve(text, out _, out var error))
        {
            _formulaError = null;
            return Apply(Session.State with { Surface = text.Trim(), Start = null });
        }

        _formulaError = error;
        return Task.CompletedTask;
    }

    private Task OnOptimizer(ChangeEventArgs e) => Apply(Session.State with
    {
        Optimizer = e.Value?.ToString() ?? "sgd",
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

    private Task OnSteps(ChangeEventArgs e)
    {
        if (Url.QueryReader.TryWhole(e.Value?.ToString(), out var steps) && steps is >= 1 and <= LabState.MaxSteps)
        {
            if (Session.Setup.Schedule is { } schedule && LabSetup.UpdatesAllowed(schedule, steps) is var allowed && allowed < steps)
            {
                _stepsError = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{schedule.ClassName} cannot be stepped past step {schedule.LastStep} (PyTorch raises there): at most {allowed} steps.");
                return Task.CompletedTask;
            }

            return Apply(Session.State with { Steps = steps });
        }

        _stepsError = $"Steps must be a whole number from 1 to {LabState.MaxSteps}.";
        return Task.CompletedTask;
    }

    private Task Apply(LabState state)
    {
        _stepsError = null;
        return OnApply.InvokeAsync(state);
    }
}
