using System.Diagnostics;

namespace LrLab.Fuzz;

/// <summary>
/// The slowest case of the running target (a hang shows up here as a case that never ends, a near-hang as an outlier).
/// Only the bench run reads it; the CI test asserts properties, never times.
/// </summary>
public static class Slowest
{
    private static readonly Lock _gate = new();
    private static double _milliseconds;
    private static string _input = string.Empty;
    private static Action? _replay;
    private static long _cases;

    /// <summary>Cases checked since the last <see cref="Reset"/>.</summary>
    public static long Cases => Interlocked.Read(ref _cases);

    /// <summary>The slowest case since the last <see cref="Reset"/>: its time and its input.</summary>
    public static (double Milliseconds, string Input) Case
    {
        get
        {
            lock (_gate)
            {
                return (_milliseconds, _input);
            }
        }
    }

    public static void Reset()
    {
        lock (_gate)
        {
            _milliseconds = 0;
            _input = string.Empty;
            _replay = null;
            Interlocked.Exchange(ref _cases, 0);
        }
    }

    public static Action<T> Wrap<T>(Action<T> check) => value =>
    {
        var start = Stopwatch.GetTimestamp();
        check(value);
        Record(Stopwatch.GetElapsedTime(start).TotalMilliseconds, value, () => check(value));
    };

    public static Action<T1, T2, T3> Wrap<T1, T2, T3>(Action<T1, T2, T3> check) => (a, b, c) =>
    {
        var start = Stopwatch.GetTimestamp();
        check(a, b, c);
        Record(Stopwatch.GetElapsedTime(start).TotalMilliseconds, (a, b, c), () => check(a, b, c));
    };

    /// <summary>
    /// The slowest case run again (best of three, in milliseconds): on a shared machine a case can be slow because the
    /// process was descheduled or the GC ran; an input that is itself slow stays slow.
    /// </summary>
    public static double Retimed()
    {
        Action? replay;
        lock (_gate)
        {
            replay = _replay;
        }

        if (replay is null)
        {
            return 0;
        }

        var best = double.PositiveInfinity;
        for (var i = 0; i < 3; i++)
        {
            var start = Stopwatch.GetTimestamp();
            replay();
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return best;
    }

    private static void Record(double milliseconds, object? input, Action replay)
    {
        Interlocked.Increment(ref _cases);
        lock (_gate)
        {
            if (milliseconds > _milliseconds)
            {
                _milliseconds = milliseconds;
                _input = input?.ToString() ?? string.Empty;
                _replay = replay;
            }
        }
    }
}
