using System.Globalization;
using System.Text;
using LrLab.Core.LineSearch;
using LrLab.Core.Simulation;
using LrLab.Core.Surfaces;

namespace LrLab.Web.Learn;

/// <summary>
/// Core's backtracking (Armijo) line search written out trial by trial for the line-search lesson: each update starts
/// with a large trial α and halves it until L(θ − α·g) ≤ L(θ) − c·α·‖g‖², then commits.
/// </summary>
public static class LineSearchTrace
{
    /// <summary>Runs <paramref name="updates"/> updates of Core's line search from the surface's default start and lists every trial.</summary>
    public static IReadOnlyList<LineSearchTrial> Run(Surface surface, int updates, double firstTrial = 1.0)
    {
        ArgumentNullException.ThrowIfNull(surface);
        var armijo = new ArmijoOptions();
        var run = Simulator.Run(surface, new ArmijoRule(firstTrial, armijo), new SimulationOptions { Steps = updates });
        var gradient = new double[surface.Dimension];
        var trials = new List<LineSearchTrial>();
        foreach (var step in run.LineSearch ?? [])
        {
            var loss = surface.ValueAndGradient(run.Steps[step.Step - 1].Params, gradient);
            var squaredNorm = gradient.Sum(g => g * g);
            trials.AddRange(step.Probes.Select(p => new LineSearchTrial(step.Step, p.Alpha, p.Loss, loss - (armijo.C * p.Alpha * squaredNorm), p.Accepted)));
        }

        return trials;
    }

    /// <summary>The trials as a lesson table.</summary>
    public static string ToHtml(IReadOnlyList<LineSearchTrial> trials)
    {
        var inv = CultureInfo.InvariantCulture;
        var html = new StringBuilder();
        html.Append("""<table class="lesson-table line-search" tabindex="0"><thead><tr><th scope="col">update</th><th scope="col">α tried</th><th scope="col">loss there</th><th scope="col">must be ≤</th><th scope="col">result</th></tr></thead><tbody>""");
        foreach (var t in trials)
        {
            html.Append(inv, $"<tr{(t.Accepted ? " class=\"accepted\"" : string.Empty)}><td>{t.Update}</td><td>{t.StepSize:G4}</td><td>{t.Loss:G4}</td><td>{t.Target:G4}</td><td>{(t.Accepted ? "kept" : "too far, halve")}</td></tr>");
        }

        html.Append("</tbody></table>");
        return html.ToString();
    }
}
