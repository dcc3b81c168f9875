using System.Globalization;
using LrLab.Core.Diagnosis;
using LrLab.Web.Learn;
using Microsoft.AspNetCore.Components;

namespace LrLab.Web.Components.Learn;

/// <summary>A short recorded loss curve with its values, and what the Core diagnoser concludes from it.</summary>
public sealed partial class LossCurveChart
{
    /// <summary>The curve to draw.</summary>
    [Parameter, EditorRequired] public LossCurve Curve { get; set; } = null!;

    private Diagnosis? _diagnosis;

    protected override void OnParametersSet() => _diagnosis = Diagnoser.Diagnose(Curve.Losses, Curve.Lr);

    private double Max => Curve.Losses.Where(double.IsFinite).DefaultIfEmpty(1).Max();

    private (double X, double Y, bool Finite) Point(int i)
    {
        var x = 20 + i * (220.0 / Math.Max(Curve.Losses.Count - 1, 1));
        var v = Curve.Losses[i];
        return double.IsFinite(v) ? (x, 118 - v / Max * 90, true) : (x, 18, false);
    }

    private string Path()
    {
        var parts = new List<string>();
        for (var i = 0; i < Curve.Losses.Count && double.IsFinite(Curve.Losses[i]); i++)
        {
            var (x, y, _) = Point(i);
            parts.Add($"{(i == 0 ? "M" : "L")}{F(x)} {F(y)}");
        }

        return string.Join(' ', parts);
    }

    private string Describe() => "losses " + string.Join(", ", Curve.Losses.Select(F));

    private static string F(double v) => double.IsNaN(v) ? "NaN" : v.ToString("0.##", CultureInfo.InvariantCulture);
}
