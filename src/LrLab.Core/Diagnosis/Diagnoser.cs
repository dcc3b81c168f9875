using System.Globalization;

namespace LrLab.Core.Diagnosis;

/// <summary>
/// Judges the learning rate from a loss log alone. The log is first reduced to a smoothed curve (medians of
/// consecutive blocks, so mini-batch noise and single bad batches do not count); the rules then look at stretches
/// of that curve with robust trend tests, never at two single points. In order:
/// <list type="number">
/// <item>a NaN or infinite loss: too large (nan, or diverging for +∞);</item>
/// <item>fewer than 3 values: inconclusive;</item>
/// <item>a short log whose moves flip up and down by large amounts: too large, oscillating;</item>
/// <item>a loss that rose far above its best value: too large, diverging if still rising, plateau if it fell back to a level and stayed;</item>
/// <item>an early spike beyond the batch noise followed by a flat curve with no progress (the network died, typically at chance level), or by a long recovery from a tenfold blow-up: too large, plateau;</item>
/// <item>a short log that keeps rising again without progress: too large, oscillating;</item>
/// <item>no downward trend beyond the noise: too small, plateau (too large if it had been lower before, or if its spread is the steps' doing rather than the data's: see <see cref="PassMeans"/>);</item>
/// <item>a fall that speeds up again at the end (leaving a plateau): too small, crawling;</item>
/// <item>a fall with diminishing returns whose long log zigzags step to step (moves reverse far more often than noise makes them): too large, oscillating;</item>
/// <item>a fall that flattened out (as in the next two rules) after removing less than half of a positive starting loss: too small, plateau (it stalled on a plateau: see <see cref="FallRules.StallDrop"/>);</item>
/// <item>a fall with diminishing returns (half of it within the first quarter of the log): just right, smooth;</item>
/// <item>a large fall that started late and flattened out: just right, smooth;</item>
/// <item>otherwise a steady but slow fall: too small, crawling.</item>
/// </list>
/// </summary>
public static class Diagnoser
{
    /// <summary>Logs up to this many values (epoch means) are judged value by value, without smoothing.</summary>
    public const int ShortLog = 30;

    /// <summary>Longer logs are smoothed into about this many block medians.</summary>
    public const int SmoothedPoints = 100;

    /// <summary>Diagnoses plain loss values recorded at steps 0, 1, 2, ….</summary>
    public static Diagnosis Diagnose(IReadOnlyList<double> losses, double? lr = null) => Diagnose(LossLog.FromValues(losses), lr);

    /// <summary>Diagnoses a parsed log.</summary>
    /// <param name="log">The loss values and their steps.</param>
    /// <param name="lr">The rate the log was trained with, if known: the suggestion then names concrete rates.</param>
    public static Diagnosis Diagnose(LossLog log, double? lr = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (lr is { } rate && !(rate > 0 && double.IsFinite(rate)))
        {
            throw InputException.For("lr", Say($"must be a positive number, got {rate}"));
        }

        var n = log.Losses.Count;
        var firstBad = -1;
        var finite = 0;
        for (var i = 0; i < n; i++)
        {
            if (double.IsFinite(log.Losses[i]))
            {
                finite++;
            }
            else if (firstBad < 0)
            {
                firstBad = i;
            }
        }

        // A clean log (the usual case, and the ten-million-line one) is copied once and indexed by identity.
        var values = new double[finite];
        IndexMap indices;
        if (finite == n)
        {
            if (log.Losses is ChunkedValues chunked)
            {
                chunked.CopyTo(values);
            }
            else
            {
                for (var i = 0; i < n; i++)
                {
                    values[i] = log.Losses[i];
                }
            }

            indices = IndexMap.Identity(n);
        }
        else
        {
            var table = new int[finite];
            for (int i = 0, k = 0; i < n; i++)
            {
                if (double.IsFinite(log.Losses[i]))
                {
                    table[k] = i;
                    values[k++] = log.Losses[i];
                }
            }

            indices = IndexMap.Of(table);
        }

        lr ??= log.PeakRate();
        var curve = values.Length > 0 ? SmoothedCurve.Build(values, log.Steps, indices) : null;
        var context = new Context(log, lr, curve, values, indices);

        if (firstBad >= 0)
        {
            return RateEvidence.Add(log, NonFinite(context, firstBad));
        }

        if (n < 3)
        {
            return context.Result(
                Verdict.Inconclusive,
                Pattern.Smooth,
                [],
                Say($"Only {n} value{(n == 1 ? string.Empty : "s")}: a verdict needs at least 3 (the loss at several steps or epochs)."));
        }

        return RateEvidence.Add(log, new CurveRules(context).Judge());
    }

    private static Diagnosis NonFinite(Context context, int at)
    {
        var log = context.Log;
        var value = log.Losses[at];
        var nan = !double.IsPositiveInfinity(value);
        var word = double.IsNaN(value) ? "NaN" : double.IsPositiveInfinity(value) ? "+inf" : "-inf";
        var bad = log.Losses.Count(v => !double.IsFinite(v));
        var evidence = new List<Evidence>
        {
            context.Range(
                EvidenceKind.NonFinite,
                Say($"{word} at step {Step(log.Steps[at])}") + (bad > 1 ? Say($" ({bad} of {log.Losses.Count} values are not finite)") : string.Empty),
                at,
                at),
        };

        var before = context.Values.TakeWhile((_, i) => context.Indices[i] < at).ToArray();
        var grew = string.Empty;
        if (before.Length >= 2)
        {
            var minAt = Array.IndexOf(before, before.Min());
            var last = before[^1];
            if (before[minAt] > 0 && last >= 1.5 * before[minAt] && minAt < before.Length - 1)
            {
                var from = context.Indices[minAt];
                var to = context.Indices[before.Length - 1];
                evidence.Add(context.Range(
                    EvidenceKind.Rise,
                    Say($"loss rose {last / before[minAt]:G3}× within {Span(log, from, to)}, from {before[minAt]:G3} (step {Step(log.Steps[from])}) to {last:G3} (step {Step(log.Steps[to])})"),
                    from,
                    to));
                grew = Say($" It first grew {last / before[minAt]:G3}× in {Span(log, from, to)}:");
            }
        }

        var explanation = Say($"The loss became {word} at step {Step(log.Steps[at])}.{grew} each update overshot further than the last until the numbers overflowed. That is the signature of a learning rate far too large: lower it by two or three orders of magnitude.");
        return context.Result(Verdict.TooLarge, nan ? Pattern.Nan : Pattern.Diverging, evidence, explanation);
    }

    internal static string Step(double step) => step.ToString("G10", CultureInfo.InvariantCulture);

    internal static string Span(LossLog log, int from, int to)
    {
        var count = log.Steps[to] - log.Steps[from];
        return Say($"{Step(count)} step{(count == 1 ? string.Empty : "s")}");
    }

    internal static string Say(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>What every rule needs: the log, the rate, the smoothed curve; and how to build the result.</summary>
    internal sealed class Context(LossLog log, double? lr, SmoothedCurve? curve, double[] values, IndexMap indices)
    {
        public LossLog Log => log;

        public SmoothedCurve? Curve => curve;

        /// <summary>The finite losses, in order.</summary>
        public double[] Values => values;

        /// <summary>Index in the log of each finite loss.</summary>
        public IndexMap Indices => indices;

        public Evidence Range(EvidenceKind kind, string finding, int fromIndex, int toIndex) =>
            new(kind, finding, log.Steps[fromIndex], log.Steps[toIndex], fromIndex, toIndex);

        public Diagnosis Result(Verdict verdict, Pattern pattern, IReadOnlyList<Evidence> evidence, string explanation, double[]? factors = null)
        {
            var suggestion = SuggestionFor(verdict, pattern, factors);
            var smoothed = curve is null
                ? []
                : Enumerable.Range(0, curve.Count).Select(j => new CurvePoint(curve.Steps[j], curve.Values[j])).ToArray();
            return new Diagnosis(verdict, pattern, evidence, suggestion, explanation, log.Losses.Count, lr, curve?.BlockSize ?? 1, smoothed);
        }

        private Suggestion SuggestionFor(Verdict verdict, Pattern pattern, double[]? factors)
        {
            factors ??= (verdict, pattern) switch
            {
                (Verdict.TooLarge, Pattern.Nan or Pattern.Diverging) => [0.01, 0.001],
                (Verdict.TooLarge, Pattern.Oscillating) => [0.3, 0.1],
                (Verdict.TooLarge, _) => [0.1, 0.01],
                (Verdict.TooSmall, Pattern.Plateau) => [10, 100],
                (Verdict.TooSmall, _) => [10, 3],
                _ => [1],
            };
            var action = verdict switch
            {
                Verdict.TooLarge => SuggestedAction.Decrease,
                Verdict.TooSmall => SuggestedAction.Increase,
                _ => SuggestedAction.Keep,
            };
            IReadOnlyList<double>? rates = lr is { } r ? [.. factors.Select(f => Round(r * f))] : null;
            var text = (action, rates) switch
            {
                (SuggestedAction.Keep, _) when verdict == Verdict.Inconclusive => "Log more steps before changing the rate.",
                (SuggestedAction.Keep, { } list) => Say($"Keep lr {list[0]:G6}; a schedule that lowers it later can still squeeze out the last bit."),
                (SuggestedAction.Keep, null) => "Keep the rate; a schedule that lowers it later can still squeeze out the last bit.",
                (_, { } list) => Say($"Try {string.Join(" or ", list.Select(x => x.ToString("G6", CultureInfo.InvariantCulture)))}."),
                (SuggestedAction.Decrease, null) => Say($"Lower the rate: try {string.Join(" or ", factors.Select(Times))} the current one."),
                _ => Say($"Raise the rate: try {string.Join(" or ", factors.Select(Times))} the current one."),
            };
            return new Suggestion(action, factors[0], rates, text);
        }

        private static string Times(double factor) => factor >= 1
            ? Say($"{factor:G3}×")
            : Say($"1/{1 / factor:G3}");

        /// <summary>Rounds away binary noise (0.1 × 3 = 0.30000000000000004).</summary>
        private static double Round(double value) => double.Parse(value.ToString("G10", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
