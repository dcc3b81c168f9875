using System.Globalization;
using LrLab.Core.Plotting;
using LrLab.Core.Schedules;
using LrLab.Web.Components.Charts;
using LrLab.Web.Designer;
using LrLab.Web.Interop;
using LrLab.Web.Url;
using Microsoft.AspNetCore.Components;

namespace LrLab.Web.Pages;

/// <summary>The /schedules page: a thin view over <see cref="ScheduleDesigner"/>, with the state in the URL.</summary>
public sealed partial class Schedules
{
    private readonly ScheduleDesigner _designer = new();
    private (string?, string?, string?) _applied = ("\0", null, null);
    private string? _copyStatus;
    private LineChart? _chart;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private IClipboard Clipboard { get; set; } = null!;

    [Inject]
    private IChartExport Export { get; set; } = null!;

    /// <summary>The <c>schedule</c> URL parameter (a spec string).</summary>
    [SupplyParameterFromQuery(Name = "schedule")]
    public string? ScheduleQuery { get; set; }

    /// <summary>The <c>lr</c> URL parameter (the optimizer's base rate).</summary>
    [SupplyParameterFromQuery(Name = "lr")]
    public string? LrQuery { get; set; }

    /// <summary>The <c>steps</c> URL parameter (updates shown).</summary>
    [SupplyParameterFromQuery(Name = "steps")]
    public string? StepsQuery { get; set; }

    /// <summary>The designer behind the page (for tests).</summary>
    public ScheduleDesigner Designer => _designer;

    private Chart Chart => _designer.Chart();

    private string Stats
    {
        get
        {
            var rates = _designer.Rates.Where(double.IsFinite).ToArray();
            if (rates.Length == 0)
            {
                return string.Empty;
            }

            return string.Create(CultureInfo.InvariantCulture, $"first update {rates[0]:G4}, last {rates[^1]:G4}; lowest {rates.Min():G4}, highest {rates.Max():G4}");
        }
    }

    private string SvgHref => "data:image/svg+xml;charset=utf-8," + Uri.EscapeDataString(_designer.Svg());

    private string CsvHref => "data:text/csv;charset=utf-8," + Uri.EscapeDataString(_designer.Csv());

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        // The parameters above only tell that the query changed; the values come from the site's one query reader, which
        // (unlike Blazor's binder) keeps a '+' as typed, so lr=1e+0 reads as on every other page.
        var values = QueryReader.FromUri(Navigation.Uri);
        var query = (values["schedule"], values["lr"], values["steps"]);
        if (query == _applied)
        {
            return;
        }

        _applied = query;
        _designer.LoadUrl(query.Item1, query.Item2, query.Item3);
    }

    private static string PresetLabel(SchedulePreset preset) => preset.Name switch
    {
        "step-decay" => "Step decay",
        "exponential" => "Exponential 0.95",
        "cosine" => "Cosine",
        "cosine-warm-restarts" => "Warm restarts",
        "warmup-cosine" => "Warm-up, then cosine",
        "one-cycle" => "One-cycle",
        _ => preset.Name,
    };

    private void ApplyPreset(SchedulePreset preset)
    {
        _designer.ApplyPreset(preset);
        Publish();
    }

    private void OnSchedulerChanged(ChangeEventArgs e)
    {
        _designer.Select(e.Value?.ToString() ?? string.Empty);
        Publish();
    }

    private void OnField(SchedulerField field, ChangeEventArgs e)
    {
        _designer.SetField(field.Name, e.Value?.ToString() ?? string.Empty);
        Publish();
    }

    private void OnFlag(SchedulerField field, ChangeEventArgs e)
    {
        _designer.SetField(field.Name, e.Value is true ? "True" : "False");
        Publish();
    }

    private void OnSpecInput(ChangeEventArgs e)
    {
        _designer.SetSpec(e.Value?.ToString() ?? string.Empty);
        Publish();
    }

    private void OnBaseLr(ChangeEventArgs e)
    {
        _designer.SetBaseLr(e.Value?.ToString() ?? string.Empty);
        Publish();
    }

    private void OnSteps(ChangeEventArgs e)
    {
        _designer.SetSteps(e.Value?.ToString() ?? string.Empty);
        Publish();
    }

    private void OnLogAxis(ChangeEventArgs e) => _designer.LogAxis = e.Value is true;

    private async Task SavePng()
    {
        if (_chart is not null)
        {
            await Export.SavePngAsync(_chart.CanvasId, "schedule.png");
        }
    }

    private async Task CopyCode()
    {
        _copyStatus = await Clipboard.CopyAsync(_designer.Python) ? "Copied" : "Copy failed: select the code and copy it by hand";
    }

    /// <summary>Writes the state into the address bar (replacing the entry) so a copied link reproduces the view.</summary>
    private void Publish()
    {
        // What the query parameters will read back as, so the navigation below does not re-apply them.
        _applied = (_designer.Spec, _designer.BaseLr.ToString("R", CultureInfo.InvariantCulture), _designer.Steps.ToString(CultureInfo.InvariantCulture));
        Navigation.NavigateTo(_designer.ShareUrl, replace: true);
    }
}
