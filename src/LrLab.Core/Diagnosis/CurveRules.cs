using static LrLab.Core.Diagnosis.Diagnoser;

namespace LrLab.Core.Diagnosis;

/// <summary>The rules for a log whose values are all finite; see <see cref="Diagnoser"/> for their order.</summary>
internal sealed class CurveRules
{
    /// <summary>Mann–Kendall |Z| above this is a trend, not noise.</summary>
    private const double Significant = 2.5;

    private readonly Context _context;
    private readonly SmoothedCurve _curve;
    private readonly double[] _y;
    private readonly double[] _s;
    private readonly int _m;
    private readonly double _start;
    private readonly double _end;
    private readonly double _min;
    private readonly int _minAt;
    private readonly double _noise;
    private readonly double _rawNoise;
    private readonly bool _short;
    private (int Length, double Ratio)? _passes;

    public CurveRules(Context context)
    {
        _context = context;
        _curve = context.Curve!;
        _y = context.Values;
        _s = _curve.Values;
        _m = _s.Length;
        _short = _curve.BlockSize == 1;
        _rawNoise = CurveStatistics.NoiseScale(_y);
        _start = _short || _y[0] - _s[0] > 3 * _rawNoise ? _y[0] : _s[0];
        _end = _short || _m < 3 ? _s[^1] : CurveStatistics.Median(_s.AsSpan(_m - 3));
        _minAt = Array.IndexOf(_s, _s.Min());
        _min = _s[_minAt];
        _noise = CurveStatistics.NoiseScale(_s);
    }

    private LossLog Log => _context.Log;

    /// <summary>Whole passes through the data average the same loss: the weights hardly moved (see <see cref="PassMeans"/>).</summary>
    private bool StillWeights => (_passes ??= PassMeans.Steadiest(_y, _rawNoise) ?? (0, double.PositiveInfinity)).Ratio < PassMeans.StillRatio;

    public Diagnosis Judge() =>
        ShortOscillation() ?? Rise() ?? DeadAfterSpike() ?? ShortStall() ?? Flat() ?? new FallRules(_context, _start, _end, _noise).Judge();

    /// <summary>Epoch-sized logs: most moves reverse direction, and the rises are a real share of the falls.</summary>
    private Diagnosis? ShortOscillation()
    {
        if (!_short || _m < 4)
        {
            return null;
        }

        var (flips, pairs) = CurveStatistics.SignFlips(_y);
        double ups = 0, downs = 0, biggestUp = 0;
        var upCount = 0;
        var biggestAt = 0;
        for (var i = 1; i < _y.Length; i++)
        {
            var delta = _y[i] - _y[i - 1];
            if (delta > 0)
            {
                ups += delta;
                upCount++;
                var relative = delta / Math.Abs(_y[i - 1]);
                if (relative > biggestUp)
                {
                    biggestUp = relative;
                    biggestAt = i;
                }
            }
            else
            {
                downs -= delta;
            }
        }

        if (flips < 2 || flips < 0.6 * pairs || ups < 0.25 * downs || ups > 4 * downs || biggestUp < 0.1)
        {
            return null;
        }

        var falling = _end < 0.8 * _start;
        var evidence = new List<Evidence>
        {
            _context.Range(
                EvidenceKind.Bounce,
                Say($"the loss went up in {upCount} of {_y.Length - 1} moves, by as much as {biggestUp:P0} (step {Step(Log.Steps[_context.Indices[biggestAt]])})"),
                _context.Indices[0],
                _context.Indices[^1]),
        };
        var explanation = falling
            ? Say($"The loss bounces up and down from one value to the next, although the trend still falls ({_start:G3} → {_end:G3}). Each step overshoots the valley floor and lands on the opposite wall: the rate is too large. A smaller one falls just as fast without wasting steps on the bounce.")
            : Say($"The loss bounces up and down from one value to the next and ends at {_end:G3} after starting at {_start:G3}. Each step overshoots the minimum and lands on the opposite wall: the rate is too large.");
        return _context.Result(Verdict.TooLarge, Pattern.Oscillating, evidence, explanation, falling ? [0.5, 0.2] : [0.1, 0.03]);
    }

    /// <summary>The smoothed loss ended far above its best value: it diverged, or fell back after progress.</summary>
    private Diagnosis? Rise()
    {
        if (!(_min > 0) || _minAt >= _m - 1)
        {
            return null;
        }

        var rose = _end - _min;
        var needed = Math.Max(Math.Max(0.5 * _min, 0.25 * (_start - _min)), 4 * _noise);
        if (rose <= needed)
        {
            return null;
        }

        var peakAt = _minAt + Array.IndexOf(_s[_minAt..], _s[_minAt..].Max());
        var fromIndex = _curve.From[_minAt];
        var toIndex = _curve.To[peakAt];
        var factor = _s[peakAt] / _min;
        var evidence = new List<Evidence>
        {
            _context.Range(
                EvidenceKind.Rise,
                Say($"loss rose {factor:G3}× within {Span(Log, fromIndex, toIndex)}, from {_min:G3} at step {Step(Log.Steps[fromIndex])} to {_s[peakAt]:G3} at step {Step(Log.Steps[toIndex])}"),
                fromIndex,
                toIndex),
        };

        var stillRising = _short
            ? _y[^1] > _y[^2] && _y[^1] >= 0.8 * _y.Max()
            : CurveStatistics.MannKendallZ(_s.AsSpan(Math.Max(_minAt, (2 * _m) / 3))) > Significant && _end >= 0.8 * _s.Max();
        if (stillRising)
        {
            var explanation = Say($"The loss grows instead of falling: {factor:G3}× its best value by step {Step(Log.Steps[toIndex])}, and still rising. Each update overshoots the minimum and lands further up the opposite wall; left alone this ends in inf or NaN. The rate is far too large.");
            return _context.Result(Verdict.TooLarge, Pattern.Diverging, evidence, explanation);
        }

        var lastFrom = _curve.From[Math.Max(peakAt, (2 * _m) / 3)];
        evidence.Add(_context.Range(
            EvidenceKind.Flat,
            Say($"then it stayed near {_end:G3} until step {Step(Log.Steps[^1])}, {(_start > 0 ? _end / _start : double.NaN):P0} of the starting loss"),
            lastFrom,
            Log.Losses.Count - 1));
        var progress = _minAt > 0 && _min < 0.8 * _start;
        var explanation2 = progress
            ? Say($"The run learned (down to {_min:G3}), then failed abruptly: the loss jumped back up to {_end:G3} and stayed there. A step large enough to throw the weights out of the valley they had found points to a rate that is too large (or a schedule that raised it); lower it.")
            : Say($"The loss rose to {_s[peakAt]:G3} and settled at {_end:G3}, above where it started: the updates threw the weights somewhere the network stopped learning. The rate is too large.");
        return _context.Result(Verdict.TooLarge, Pattern.Plateau, evidence, explanation2);
    }

    /// <summary>A burst far above the starting loss in the first tenth of the log, then no progress at all.</summary>
    private Diagnosis? DeadAfterSpike()
    {
        var spike = EarlySpike();
        if (spike is null)
        {
            return null;
        }

        var (at, reference) = spike.Value;
        var tailFrom = Math.Min(_m - 1, Math.Max(1, _m / 3));
        var tail = _s.AsSpan(tailFrom);
        var falling = tail.Length >= 3 && CurveStatistics.MannKendallZ(tail) < -Significant && tail[^1] < 0.9 * tail[0];
        var blewUp = _y[at] >= 10 * reference && _end >= 0.5 * reference;
        if ((falling && !blewUp) || _end < 0.7 * reference)
        {
            return null;
        }

        var evidence = new List<Evidence>
        {
            _context.Range(
                EvidenceKind.Spike,
                Say($"the loss jumped to {_y[at]:G3} at step {Step(Log.Steps[_context.Indices[at]])}, {_y[at] / reference:G3}× the loss around it"),
                _context.Indices[Math.Max(0, at - 1)],
                _context.Indices[Math.Min(_y.Length - 1, at + 1)]),
            _context.Range(
                EvidenceKind.Flat,
                Say($"then it sat flat near {_end:G3} from step {Step(Log.Steps[_curve.From[tailFrom]])} on, with no downward trend"),
                _curve.From[tailFrom],
                Log.Losses.Count - 1),
        };
        if (falling)
        {
            evidence[1] = _context.Range(
                EvidenceKind.Slow,
                Say($"and it is still recovering: {_end:G3} at step {Step(Log.Steps[^1])}, {_end / reference:P0} of where it started"),
                _curve.From[tailFrom],
                Log.Losses.Count - 1);
            var recovering = Say($"The loss blew up to {_y[at]:G3}, {_y[at] / reference:G3}× its starting value, in the first steps, and the rest of the run was spent recovering: it ends at {_end:G3}, no better than where it started. A rate too small cannot raise the loss at all; this one threw the weights far out of the valley. The rate is too large.");
            return _context.Result(Verdict.TooLarge, Pattern.Plateau, evidence, recovering);
        }

        var explanation = Say($"The loss spiked early and then sat flat at {_end:G3}, no better than where it started. That is not a rate too small to move: one huge early step threw the weights into a region where the network no longer learns (dead ReLUs, saturated units), and it now predicts the same thing for every input, at chance level. The rate is too large.");
        return _context.Result(Verdict.TooLarge, Pattern.Plateau, evidence, explanation);
    }

    /// <summary>The largest early value far above the start (or a first value far above all the rest), and the level it is compared with.</summary>
    private (int At, double Reference)? EarlySpike()
    {
        if (!(_start > 0) || _y.Length < 3)
        {
            return null;
        }

        var window = Math.Max(3, _y.Length / 10);
        var at = 1;
        for (var i = 2; i < Math.Min(window, _y.Length); i++)
        {
            if (_y[i] > _y[at])
            {
                at = i;
            }
        }

        // A rate too small cannot raise the loss above its starting value at all; but one batch is not the level, so a
        // rise counts only when it is far beyond the batch noise, or when the loss never came back down to its first
        // value, and never when whole passes through the data average the same loss (the weights did not move).
        var jump = _y[at] - _y[0];
        if ((_y[at] >= 1.5 * _y[0] || jump > 0.02 * _y[0])
            && (jump > 8 * _rawNoise || CurveStatistics.ShareAtMost(_y.AsSpan(at + 1), _y[0]) < 0.01)
            && !StillWeights)
        {
            return (at, _y[0]);
        }

        var rest = CurveStatistics.MedianSampled(_y.AsSpan(1));
        return rest > 0 && _start >= 50 * rest ? (0, rest) : null;
    }

    /// <summary>
    /// Epoch-sized logs that go up and down and get almost nowhere: a rate too small moves the model so little that
    /// its epoch means fall smoothly, so a curve that keeps rising again without progress is bouncing.
    /// </summary>
    private Diagnosis? ShortStall()
    {
        if (!_short || _m < 5)
        {
            return null;
        }

        var rises = 0;
        for (var i = 1; i < _y.Length; i++)
        {
            rises += _y[i] > _y[i - 1] ? 1 : 0;
        }

        var drop = _start > 0 ? (_start - _end) / _start : 0;
        if (rises < 3 || rises < 0.3 * (_y.Length - 1) || drop >= 0.2)
        {
            return null;
        }

        var evidence = new List<Evidence>
        {
            _context.Range(
                EvidenceKind.Bounce,
                Say($"the loss rose again in {rises} of {_y.Length - 1} moves"),
                _context.Indices[0],
                _context.Indices[^1]),
            _context.Range(
                EvidenceKind.Flat,
                Say($"and got almost nowhere: {_start:G4} → {_end:G4} ({drop:P1})"),
                _context.Indices[0],
                _context.Indices[^1]),
        };
        var explanation = Say($"The loss goes up and down from one value to the next but makes almost no progress ({_start:G4} → {_end:G4}). A rate that is too small moves the weights so little that the curve falls smoothly, however slowly; this one moves them a lot and gets nowhere, because every step overshoots. The rate is too large.");
        return _context.Result(Verdict.TooLarge, Pattern.Oscillating, evidence, explanation, [0.1, 0.03]);
    }

    /// <summary>No fall beyond the noise: never moved (too small), or stalled after having been lower (too large).</summary>
    private Diagnosis? Flat()
    {
        var z = CurveStatistics.MannKendallZ(_s);
        var drop = _start > 0 ? (_start - _end) / _start : 0;
        var early = Math.Max(_y[0], CurveStatistics.Median(_y.AsSpan(0, Math.Min(_y.Length, 5))));
        var moved = (early > 0 && _end < 0.6 * early) || (_short
            ? CurveStatistics.Monotone(_y) < 0 || (z < -1.5 && drop > 0.02) || _start - _end > Math.Max(5 * _rawNoise, 0.02 * Math.Abs(_start))
            : z < -Significant || _s[0] - _end > Math.Max(5 * _noise, 0.01 * Math.Abs(_s[0])) || _y[0] - _end > Math.Max(6 * _rawNoise, 0.01 * Math.Abs(_y[0])));
        if (moved)
        {
            return null;
        }

        var evidence = new List<Evidence>
        {
            _context.Range(
                EvidenceKind.Flat,
                Say($"no downward trend beyond the noise from step {Step(Log.Steps[0])} to step {Step(Log.Steps[^1])}: {_start:G4} → {_end:G4}"),
                0,
                Log.Losses.Count - 1),
        };

        var rebound = _end - _min;
        if (_minAt < _m / 2 && _min > 0 && rebound > Math.Max(4 * _noise, 0.02 * _min))
        {
            evidence.Add(_context.Range(
                EvidenceKind.Rise,
                Say($"it had been lower ({_min:G4} at step {Step(Log.Steps[_curve.From[_minAt]])}) and drifted back up {rebound / _min:P1}"),
                _curve.From[_minAt],
                Log.Losses.Count - 1));
            var explanation = Say($"The loss does not fall: it dipped to {_min:G4} early, then drifted back up and stayed near {_end:G4}. A rate too small would creep down steadily; this one keeps undoing its own progress, so it is too large.");
            return _context.Result(Verdict.TooLarge, Pattern.Plateau, evidence, explanation);
        }

        var level = Math.Abs(_end);
        if (!_short && level > 0 && _rawNoise > 0.15 * level && !StillWeights)
        {
            evidence.Add(_context.Range(
                EvidenceKind.Bounce,
                Say($"yet from one batch to the next the loss jumps by ±{_rawNoise / level:P0} of its level"),
                0,
                Log.Losses.Count - 1));
            var bouncing = Say($"The loss goes nowhere on average ({_start:G4} → {_end:G4}), yet it jumps by about ±{_rawNoise / level:P0} from batch to batch. A rate too small leaves the weights near their start, where every batch costs about the same and every pass through the data averages the same loss; this much spread, with no such pass pattern, means the weights move a lot and keep overshooting. The rate is too large.");
            return _context.Result(Verdict.TooLarge, Pattern.Oscillating, evidence, bouncing, [0.1, 0.03]);
        }

        if (StillWeights)
        {
            evidence.Add(_context.Range(EvidenceKind.Flat, Say($"averaged over {_passes!.Value.Length} consecutive values (a pass through the data, it seems), the loss is the same from one pass to the next: the weights barely moved, and the batch-to-batch spread (±{_rawNoise / Math.Max(level, double.Epsilon):P0}) comes from the data"), 0, Log.Losses.Count - 1));
        }

        var flatExplanation = Say($"The loss never moved beyond its noise ({_start:G4} → {_end:G4} over {Log.Losses.Count} values). The updates are too short to make a difference: the rate is far too small (check too that the gradients reach the weights at all).");
        return _context.Result(Verdict.TooSmall, Pattern.Plateau, evidence, flatExplanation);
    }
}
