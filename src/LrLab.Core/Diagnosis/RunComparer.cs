using System.Globalization;
using static LrLab.Core.Diagnosis.Diagnoser;

namespace LrLab.Core.Diagnosis;

/// <summary>
/// Ranks runs of one model trained at different rates and says where to look next. A run that blew up (NaN,
/// divergence, a collapse after progress) or is too short to judge ranks below every run that trained; runs that
/// trained rank by their final smoothed loss. The next range lies between the best rate and the next larger one
/// tried (their geometric mean bounds it), or beyond the range tried when the best run sits at its edge.
/// </summary>
public static class RunComparer
{
    /// <summary>Diagnoses every run and ranks them.</summary>
    public static Comparison Compare(IReadOnlyList<RunInput> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            throw new InputException("no runs to compare");
        }

        var diagnosed = runs.Select(r =>
        {
            var d = Diagnoser.Diagnose(r.Log, r.Lr);
            double? final = d.Pattern == Pattern.Nan || d.Smoothed.Count == 0 || d.Evidence.Any(e => e.Kind == EvidenceKind.NonFinite) ? null : d.Smoothed[^1].Loss;
            return (Input: r, Diagnosis: d, Final: final);
        }).ToArray();
        var order = diagnosed
            .Select((x, i) => (x.Input, x.Diagnosis, x.Final, Index: i))
            .OrderBy(x => Failed(x.Diagnosis) ? 1 : 0)
            .ThenBy(x => x.Diagnosis.Verdict == Verdict.Inconclusive ? 1 : 0)
            .ThenBy(x => x.Final ?? double.PositiveInfinity)
            .ThenBy(x => x.Index)
            .ToArray();
        var ranked = order.Select((x, rank) => new RunDiagnosis(
            x.Input.Source,
            x.Diagnosis.Lr,
            x.Diagnosis.Verdict,
            x.Diagnosis.Pattern,
            x.Diagnosis.Evidence,
            x.Diagnosis.Suggestion,
            x.Diagnosis.Explanation,
            rank + 1,
            x.Final,
            x.Diagnosis.Smoothed)).ToArray();
        var best = ranked[0];
        var anyTrained = !Failed(best) && best.Verdict != Verdict.Inconclusive;
        var (advice, range) = Advise(ranked, anyTrained);
        return new Comparison(ranked, anyTrained ? best.Source : null, advice, range);
    }

    /// <summary>What happened to a run, in a word or two ("diverged", "crawled", "was best").</summary>
    public static string Outcome(Verdict verdict, Pattern pattern) => (verdict, pattern) switch
    {
        (Verdict.TooLarge, Pattern.Nan or Pattern.Diverging) => "diverged",
        (Verdict.TooLarge, Pattern.Plateau) => "blew up and stalled",
        (Verdict.TooLarge, _) => "oscillated",
        (Verdict.TooSmall, Pattern.Plateau) => "never moved",
        (Verdict.TooSmall, _) => "crawled",
        (Verdict.JustRight, _) => "trained well",
        _ => "was too short to judge",
    };

    private static bool Failed(Diagnosis d) => d.Verdict == Verdict.TooLarge && d.Pattern is Pattern.Nan or Pattern.Diverging or Pattern.Plateau;

    private static bool Failed(RunDiagnosis d) => d.Verdict == Verdict.TooLarge && d.Pattern is Pattern.Nan or Pattern.Diverging or Pattern.Plateau;

    private static (string Advice, double[]? Range) Advise(RunDiagnosis[] ranked, bool anyTrained)
    {
        var best = ranked[0];
        var known = ranked.All(r => r.Lr is > 0);
        string Name(RunDiagnosis r) => r.Lr is { } lr ? Exact(lr) : r.Source;
        var others = ranked.Skip(1)
            .OrderByDescending(r => r.Lr ?? 0)
            .Select(r => $"{Name(r)} {Outcome(r.Verdict, r.Pattern)}");
        var story = string.Join(", ", anyTrained ? others.Append($"{Name(best)} was best") : ranked.OrderByDescending(r => r.Lr ?? 0).Select(r => $"{Name(r)} {Outcome(r.Verdict, r.Pattern)}"));
        if (!known)
        {
            return (story + (ranked.Length > 1 ? ". Give each run's rate for a range to try next." : "."), null);
        }

        var rates = ranked.Select(r => r.Lr!.Value).ToArray();
        double lo, hi;
        if (!anyTrained)
        {
            var failedHigh = ranked.All(r => r.Verdict == Verdict.TooLarge);
            var min = rates.Min();
            (lo, hi) = failedHigh ? (min / 30, min / 3) : (rates.Max() * 3, rates.Max() * 30);
            var what = failedHigh ? "every run failed: go below the smallest rate" : "no run trained: go above the largest rate";
            return (Say($"{story}; {what}: try {Rate(lo)}–{Rate(hi)}"), [Round(lo), Round(hi)]);
        }

        var b = best.Lr!.Value;
        var higher = rates.Where(r => r > b).DefaultIfEmpty(double.NaN).Min();
        var lower = rates.Where(r => r < b).DefaultIfEmpty(double.NaN).Max();
        if (best.Verdict == Verdict.TooLarge)
        {
            (lo, hi) = double.IsNaN(lower) ? (b / 10, b / 2) : (Math.Sqrt(lower * b), b / 2);
            lo = Math.Min(lo, hi / 1.5);
        }
        else if (!double.IsNaN(higher))
        {
            (lo, hi) = (b, Math.Sqrt(b * higher));
        }
        else
        {
            (lo, hi) = best.Verdict == Verdict.TooSmall ? (3 * b, 30 * b) : (b, 3 * b);
        }

        return (Say($"{story}: try {Rate(lo)}–{Rate(hi)}"), [Round(lo), Round(hi)]);
    }

    /// <summary>Rounds away binary noise (0.1 × 3 = 0.30000000000000004).</summary>
    private static double Round(double value) => double.Parse(value.ToString("G10", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>A rate to try, to one significant figure as people write them (0.03, 3e-5).</summary>
    internal static string Rate(double rate) => Short(rate.ToString("G1", CultureInfo.InvariantCulture));

    /// <summary>A run's rate as given (0.025, 3e-5).</summary>
    internal static string Exact(double rate) => Short(rate.ToString("G4", CultureInfo.InvariantCulture));

    private static string Short(string text) => text.Replace("E-0", "e-", StringComparison.Ordinal)
        .Replace("E+0", "e", StringComparison.Ordinal).Replace("E", "e", StringComparison.Ordinal);
}
