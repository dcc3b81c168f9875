using System.Globalization;
using LrLab.Web.Learn;
using Microsoft.AspNetCore.Components;

namespace LrLab.Web.Components.Learn;

/// <summary>
/// The momentum lesson's explorer: a rate slider and a β slider side by side, heavy ball (or Nesterov) against plain
/// descent at the same rate, with the limits from Core's theory. The arithmetic lives in <see cref="MomentumRuns"/>.
/// </summary>
public sealed partial class MomentumPanel
{
    private double _lr = 0.05;
    private double _beta = 0.9;
    private bool _nesterov;
    private LrLab.Core.Surfaces.Surface _surface = LrLab.Core.Surfaces.SurfaceCatalog.Find("bowl")!;

    /// <summary>What the panel shows now.</summary>
    public MomentumRuns Model { get; private set; } = MomentumRuns.Compute("bowl", 0.05, 0.9, false);

    private void Recompute() => Model = MomentumRuns.Compute(_surface.Name, _lr, _beta, _nesterov);

    private void OnRate(ChangeEventArgs e)
    {
        if (double.TryParse(e.Value?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var log))
        {
            _lr = LrLab.Web.Lab.LogSlider.RoundSignificant(Math.Pow(10, log), 2);
            Recompute();
        }
    }

    private void OnBeta(ChangeEventArgs e)
    {
        if (double.TryParse(e.Value?.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var beta))
        {
            _beta = Math.Clamp(Math.Round(beta, 2), 0, 0.99);
            Recompute();
        }
    }

    private void OnSurface(ChangeEventArgs e)
    {
        if (LrLab.Core.Surfaces.SurfaceCatalog.Find(e.Value?.ToString() ?? string.Empty) is { } s && s.Name is "bowl" or "ravine")
        {
            _surface = s;
            Recompute();
        }
    }

    private void OnNesterov(ChangeEventArgs e)
    {
        _nesterov = e.Value is true;
        Recompute();
    }

    private void UseBest()
    {
        var c = _surface.Curvature!;
        _beta = LrLab.Core.Theory.MomentumTheory.BestBeta(c);
        _lr = LrLab.Core.Theory.MomentumTheory.BestRate(c);
        _nesterov = false;
        Recompute();
    }

    private static string N(double v) => LrLab.Web.Lab.Numbers.Short(v, 3);

    private static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
