using System.Globalization;
using System.Text;
using LrLab.Core.Surfaces;

namespace LrLab.Web.Learn;

/// <summary>
/// Backtracking (Armijo) line search written out step by step for the line-search lesson: start each update with a
/// large trial α, halve it until L(θ − α·g) ≤ L(θ) − c·α·‖g‖², then commit.
/// </summary>
public static class LineSearchTrace
{
    /// <summary>Runs <paramref name="updates"/> backtracking updates from the surface's default start and lists every trial.</summary>
    public static IReadOnlyList<LineSearchTrial> Run(Surface surface, int updates, double firstTrial = 1.0, double shrink = 0.5, double c = 1e-4)
    {
        var theta = surface.DefaultStart.ToArray();
        var gradient = new double[theta.Length];
        var trialPoint = new double[theta.Length];
        var trials = new List<LineSearchTrial>();
        for (var update = 1; update <= updates; update++)
        {
            var loss = surface.ValueAndGradient(theta, gradient);
            var squaredNorm = gradient.Sum(g => g * g);
            var alpha = firstTrial;
            for (var attempt = 0; attempt < 40; attempt++)
            {
                for (var i = 0; i < theta.Length; i++)
                {
                    trialPoint[i] = theta[i] - alpha * gradient[i];
                }

                var trialLoss = surface.Value(trialPoint);
                var target = loss - c * alpha * squaredNorm;
                var accepted = trialLoss <= target;
                trials.Add(new LineSearchTrial(update, alpha, trialLoss, target, accepted));
                if (accepted)
                {
                    trialPoint.CopyTo(theta, 0);
                    break;
                }

                alpha *= shrink;
            }
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
