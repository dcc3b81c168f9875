using System.Globalization;
using LrLab.Web.Learn;
using Microsoft.AspNetCore.Components;

namespace LrLab.Web.Components.Learn;

/// <summary>The flow lesson's panel: one α slider, the flow and the steps drawn together (<see cref="FlowRuns"/>).</summary>
public sealed partial class FlowPanel
{
    /// <summary>One-click rates: αλmax = 0.2, 0.8, 1.2, 1.6 and 2.04 on the bowl.</summary>
    public static readonly IReadOnlyList<double> QuickRates = [0.05, 0.2, 0.3, 0.4, 0.51];

    private double _lr = 0.05;

    /// <summary>What the panel shows now.</summary>
    public FlowRuns Model { get; private set; } = FlowRuns.Compute(0.05);

    /// <summary>Sets α (buttons, tests).</summary>
    public void Set(double lr)
    {
        _lr = lr;
        Model = FlowRuns.Compute(lr);
    }

    private void OnRate(ChangeEventArgs e)
    {
        if (double.TryParse(e.Value?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var log))
        {
            Set(LrLab.Web.Lab.LogSlider.RoundSignificant(Math.Pow(10, log), 2));
        }
    }

    private static string N(double v) => LrLab.Web.Lab.Numbers.Short(v, 3);

    private static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
