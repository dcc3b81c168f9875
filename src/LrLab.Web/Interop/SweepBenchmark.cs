using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices.JavaScript;
using System.Runtime.Versioning;
using LrLab.Core.Optimizers;
using LrLab.Core.Plotting;
using LrLab.Web.Components.Charts;
using LrLab.Web.Sweep;

namespace LrLab.Web.Interop;

/// <summary>
/// The hook bench/sweep_browser.sh calls (through <c>getAssemblyExports</c>) to split the sweep panel's time into its
/// parts in the browser: the rates computed and judged, the two chart models built, and the two charts turned into
/// canvas commands. No page uses it.
/// </summary>
[SupportedOSPlatform("browser")]
public static partial class SweepBenchmark
{
    /// <summary>
    /// Milliseconds (best of <paramref name="repeats"/>) of each part of a <paramref name="count"/>-rate ×
    /// <paramref name="steps"/>-step sweep of <paramref name="optimizer"/> on <paramref name="surface"/>, as JSON.
    /// </summary>
    [JSExport]
    public static string Profile(string surface, string optimizer, int steps, int count, int repeats)
    {
        var setup = new SweepSetup(surface, optimizer, new OptimizerOptions { Lr = 0.01 }, steps, 0.05);
        var model = new SweepPanelModel { Count = count };
        double Time(Action action)
        {
            action();
            var best = double.PositiveInfinity;
            for (var r = 0; r < repeats; r++)
            {
                var clock = Stopwatch.StartNew();
                action();
                best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
            }

            return best;
        }

        var compute = Time(() => model.Run(setup));
        Chart loss = null!, stepCounts = null!;
        var charts = Time(() =>
        {
            loss = model.Chart(SweepMetric.FinalLoss);
            stepCounts = model.Chart(SweepMetric.StepsToConverge);
        });
        var commands = new CanvasCommands();
        var render = Time(() =>
        {
            ChartRenderer.Render(loss, 640, 260, commands);
            ChartRenderer.Render(stepCounts, 640, 220, commands);
        });
        return string.Create(CultureInfo.InvariantCulture, $"{{\"surface\":\"{surface}\",\"optimizer\":\"{optimizer}\",\"computeMs\":{compute:F2},\"chartModelsMs\":{charts:F2},\"chartCommandsMs\":{render:F2}}}");
    }
}
