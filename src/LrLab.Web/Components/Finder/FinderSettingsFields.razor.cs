using System.Globalization;
using LrLab.Core.Finder;
using LrLab.Web.Finder;
using Microsoft.AspNetCore.Components;

namespace LrLab.Web.Components.Finder;

/// <summary>The finder's ramp, batch size and seed boxes, each with its label and a one-line message when its value is bad.</summary>
public sealed partial class FinderSettingsFields
{
    private static readonly FinderField[] _fields = [FinderField.StartLr, FinderField.EndLr, FinderField.Iterations, FinderField.Mode, FinderField.BatchSize, FinderField.Seed];

    /// <summary>The form (texts, messages and the last valid settings).</summary>
    [Parameter, EditorRequired]
    public FinderSettingsForm Form { get; set; } = null!;

    /// <summary>True while a test or a training runs.</summary>
    [Parameter]
    public bool Disabled { get; set; }

    /// <summary>Whether the box starts open (it does when the link set any of these).</summary>
    [Parameter]
    public bool Open { get; set; }

    /// <summary>Raised after a box changed the settings in use.</summary>
    [Parameter]
    public EventCallback Changed { get; set; }

    private string Summary => Form.Settings.Describe();

    /// <summary>The id (and data-testid) of a field's box.</summary>
    public static string Id(FinderField field) => field switch
    {
        FinderField.StartLr => "finder-start",
        FinderField.EndLr => "finder-end",
        FinderField.Iterations => "finder-iters",
        FinderField.Mode => "finder-mode",
        FinderField.BatchSize => "finder-batch",
        _ => "finder-seed",
    };

    private static string InputMode(FinderField field) => field is FinderField.StartLr or FinderField.EndLr ? "decimal" : "numeric";

    private string Hint(FinderField field) => field switch
    {
        FinderField.StartLr => "rate of the first mini-batch",
        FinderField.EndLr => string.Create(CultureInfo.InvariantCulture, $"rate of the last, up to {FinderSettings.MaxLr:0}"),
        FinderField.Iterations => string.Create(CultureInfo.InvariantCulture, $"one rate each, {FinderSettings.MinIterations}–{FinderSettings.MaxIterations}"),
        FinderField.Mode => Form.Settings.Mode == RangeTestMode.Linear && Form.Settings.EndLr / Form.Settings.StartLr > 1000
            ? "linear: nearly every batch sits in the top decade of rates; raise the start rate to see the rest"
            : "how the rate grows per batch",
        FinderField.BatchSize => string.Create(CultureInfo.InvariantCulture, $"digits per step, 1–{FinderSettings.MaxBatchSize}"),
        _ => "same seed, same weights and batches",
    };

    private async Task OnChange(FinderField field, ChangeEventArgs e)
    {
        if (Form.Set(field, e.Value?.ToString()))
        {
            await Changed.InvokeAsync().ConfigureAwait(true);
        }
    }
}
