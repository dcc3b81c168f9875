using System.Globalization;
using System.Text;

namespace LrLab.Core.Finder;

/// <summary>Puts a range-test result into words for the CLI table and the finder page.</summary>
public static class FinderExplanation
{
    /// <summary>One to three sentences: how the test ended, what it suggests and why.</summary>
    public static string Describe(CurveAnalysis analysis, RangeTestStop stop, int iterations, int planned)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var text = new StringBuilder();
        text.Append(stop switch
        {
            RangeTestStop.Completed => Invariant($"All {planned} mini-batches ran."),
            RangeTestStop.Diverged => Invariant($"Stopped after {iterations} of {planned} mini-batches: the smoothed loss blew past 4× its best."),
            RangeTestStop.NonFinite => Invariant($"Stopped after {iterations} of {planned} mini-batches: the loss became NaN or infinite."),
            _ => Invariant($"Cancelled after {iterations} of {planned} mini-batches."),
        });

        if (analysis.SuggestedLr is not { } suggested)
        {
            text.Append(" No finite loss was recorded, so there is nothing to suggest: lower the start rate.");
            return text.ToString();
        }

        if (analysis.Method == FinderAnalysis.SteepestDescent)
        {
            text.Append(Invariant($" The smoothed loss fell fastest at lr {G(suggested)}, the suggestion"));
        }
        else
        {
            text.Append(Invariant($" No clear descent was found, so the suggestion is a tenth of the rate with the lowest loss: {G(suggested)}"));
        }

        text.Append(Invariant($"; the loss was lowest at {G(analysis.LowestLossLr ?? double.NaN)}"));
        text.Append(analysis.ClimbLr is { } climb
            ? Invariant($" and started climbing at {G(climb)}, so 10× below the climb is {G(climb / 10)}.")
            : " and never climbed back: raise the end rate to see where it breaks.");
        return text.ToString();
    }

    private static string G(double value) => value.ToString("G3", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
