using static LrLab.Core.Diagnosis.Diagnoser;

namespace LrLab.Core.Diagnosis;

/// <summary>
/// When the log records the rate, ties a blow-up to it: where the loss started to run away, what the rate was there,
/// and how long after a warmup reached its peak ("the loss blew up 30 steps after warmup reached 0.0005"). A schedule
/// is the usual suspect when a run fails after seeming progress, and this says whether it was.
/// </summary>
internal static class RateEvidence
{
    /// <summary>A warmup is a schedule whose first rate is below this share of its peak.</summary>
    private const double WarmupStart = 0.5;

    /// <summary>Adds the rate evidence to a blow-up diagnosis of a log that records rates; others are returned as they are.</summary>
    public static Diagnosis Add(LossLog log, Diagnosis diagnosis)
    {
        if (log.Rates is not { } rates || diagnosis.Verdict != Verdict.TooLarge
            || diagnosis.Pattern is not (Pattern.Nan or Pattern.Diverging or Pattern.Plateau))
        {
            return diagnosis;
        }

        var rise = diagnosis.Evidence.FirstOrDefault(e => e.Kind == EvidenceKind.Rise);
        var bad = diagnosis.Evidence.FirstOrDefault(e => e.Kind == EvidenceKind.NonFinite);
        if ((rise ?? bad) is not { } run || run.FromIndex >= rates.Count)
        {
            return diagnosis;
        }

        // The blow-up is where the loss first left the level it ran away from (twice its value) or stopped being finite.
        var at = run.FromIndex;
        var level = log.Losses[at];
        while (at < log.Losses.Count - 1 && double.IsFinite(log.Losses[at]) && !(log.Losses[at] >= 2 * level && level > 0))
        {
            at++;
        }

        var rate = double.NaN;
        for (var i = at; i >= 0 && !double.IsFinite(rate); i--)
        {
            rate = rates[i];
        }

        if (!(rate > 0))
        {
            return diagnosis;
        }

        double first = double.NaN, peak = 0;
        for (var i = 0; i <= at; i++)
        {
            if (double.IsFinite(rates[i]) && rates[i] > 0)
            {
                first = double.IsNaN(first) ? rates[i] : first;
                peak = Math.Max(peak, rates[i]);
            }
        }

        var step = log.Steps[at];
        string finding;
        var from = at;
        if (first < WarmupStart * peak)
        {
            from = 0;
            while (from < at && !(rates[from] >= 0.98 * peak))
            {
                from++;
            }

            var after = step - log.Steps[from];
            finding = after > 0
                ? Say($"the loss blew up {Step(after)} step{(after == 1 ? string.Empty : "s")} after warmup reached {peak:G3} (step {Step(log.Steps[from])})")
                : rate >= 0.98 * peak
                    ? Say($"the loss blew up at step {Step(step)}, just as warmup reached {rate:G3}")
                    : Say($"the loss blew up at step {Step(step)} while warmup was raising the rate, at {rate:G3}");
        }
        else if (rate < 0.9 * peak)
        {
            finding = Say($"the loss blew up at step {Step(step)} with the rate at {rate:G3}, after the schedule had started at {peak:G3}");
        }
        else
        {
            finding = Say($"the loss blew up at step {Step(step)} at a rate of {rate:G3}");
        }

        var evidence = new Evidence(EvidenceKind.Rate, finding, log.Steps[from], step, from, at);
        var sentence = char.ToUpperInvariant(finding[0]) + finding[1..] + Say($": that rate is too large for this model; the suggestion is relative to {diagnosis.Lr ?? peak:G3}.");
        return diagnosis with { Evidence = [.. diagnosis.Evidence, evidence], Explanation = diagnosis.Explanation + " " + sentence };
    }
}
