using System.Globalization;
using LrLab.Core.Plotting;
using LrLab.Web.Batch;
using Microsoft.AspNetCore.Components;

namespace LrLab.Web.Components.Batch;

/// <summary>Batch size on the noisy bowl: four runs that show the noise shrink and the √2 rule (logic in <see cref="BatchRule"/>).</summary>
public sealed partial class BatchPanel
{
    /// <summary>Largest batch the control offers (the comparison goes up to four times the batch).</summary>
    public const int MaxBatch = 4096;

    private IReadOnlyList<BatchRun> _runs = [];
    private Chart _chart = new(string.Empty, new Axis("step"), new Axis("loss", Log: true), []);
    private (int, double, int, int, string)? _computed;

    /// <summary>Mini-batch size of the baseline run.</summary>
    [Parameter]
    public int Batch { get; set; } = 1;

    /// <summary>Rate of the baseline run.</summary>
    [Parameter]
    public double Lr { get; set; } = 0.05;

    /// <summary>Updates per run.</summary>
    [Parameter]
    public int Steps { get; set; } = 200;

    /// <summary>Noise seed (the same for all four runs).</summary>
    [Parameter]
    public int Seed { get; set; }

    /// <summary>Optimizer of all four runs.</summary>
    [Parameter]
    public string Optimizer { get; set; } = "sgd";

    /// <summary>Called when the user changes the batch size.</summary>
    [Parameter]
    public EventCallback<int> OnBatchChange { get; set; }

    /// <summary>The runs shown (for tests).</summary>
    public IReadOnlyList<BatchRun> Runs => _runs;

    /// <inheritdoc />
    protected override void OnParametersSet() => Recompute();

    private void Recompute()
    {
        var key = (Math.Clamp(Batch, 1, MaxBatch), Lr, Steps, Seed, Optimizer);
        if (_computed == key)
        {
            return;
        }

        _computed = key;
        _runs = BatchRule.Compare(key.Item1, Lr, Steps, Seed, Optimizer);
        _chart = new Chart(
            string.Empty, new Axis("step"), new Axis("loss", Log: true), [.. _runs.Select((r, i) => new ChartSeries(r.Label, r.Run.Steps.Select(p => p.Loss).ToArray()) { Color = Palette.Of(i) })])
        {
            FormatX = x => x.ToString("0", CultureInfo.InvariantCulture),
        };
    }

    private async Task OnBatch(ChangeEventArgs e)
    {
        if (int.TryParse(e.Value?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var b))
        {
            await SetBatch(b);
        }
    }

    private async Task SetBatch(int batch)
    {
        Batch = Math.Clamp(batch, 1, MaxBatch / 4);
        Recompute();
        await OnBatchChange.InvokeAsync(Batch);
    }

    private static string G(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
}
