namespace LrLab.Web.Lab;

/// <summary>
/// The lab's animation clock: whether it plays, how many steps a second it shows, and the fraction of a step carried
/// from one frame to the next. It knows nothing of the page: the view awaits frames and hands their durations in.
/// </summary>
public sealed class LabClock
{
    /// <summary>The speeds offered, in steps a second, with their labels.</summary>
    public static IReadOnlyList<(int Value, string Label)> Speeds { get; } =
        [(2, "2 steps/s"), (10, "10 steps/s"), (30, "30 steps/s"), (120, "120 steps/s"), (600, "600 steps/s")];

    private double _carry;

    /// <summary>Whether the animation runs.</summary>
    public bool Playing { get; private set; }

    /// <summary>Steps shown per second while playing.</summary>
    public int Speed { get; private set; } = 30;

    /// <summary>Sets the speed from the speed box; anything but a positive whole number is ignored.</summary>
    public void SetSpeed(string? text)
    {
        if (Url.QueryReader.TryWhole(text, out var speed) && speed > 0)
        {
            Speed = speed;
        }
    }

    /// <summary>Starts playing; the first frame moves at once, so Play visibly responds. False if it already plays.</summary>
    public bool Start()
    {
        if (Playing)
        {
            return false;
        }

        Playing = true;
        _carry = 1;
        return true;
    }

    /// <summary>Stops playing (pause, a new setup, a finished run).</summary>
    public void Stop() => Playing = false;

    /// <summary>Advances <paramref name="session"/> by the steps <paramref name="seconds"/> are worth at this speed; stops at the end.</summary>
    public void Tick(LabSession session, double seconds)
    {
        ArgumentNullException.ThrowIfNull(session);
        _carry += Speed * seconds;
        var steps = (int)_carry;
        _carry -= steps;
        if ((steps > 0 && !session.Advance(steps)) || session.Finished)
        {
            Playing = false;
        }
    }

    /// <summary>
    /// Plays until paused or finished: each frame (<paramref name="nextFrame"/>) advances by the time since the last one,
    /// at most a tenth of a second so a hidden tab does not jump, then calls <paramref name="onFrame"/>.
    /// </summary>
    public async Task RunAsync(Func<Task> nextFrame, Func<double, bool> onFrame)
    {
        ArgumentNullException.ThrowIfNull(nextFrame);
        ArgumentNullException.ThrowIfNull(onFrame);
        var last = DateTime.UtcNow;
        while (Playing)
        {
            await nextFrame();
            var now = DateTime.UtcNow;
            var seconds = Math.Min(0.1, (now - last).TotalSeconds);
            last = now;
            if (!Playing || !onFrame(seconds))
            {
                break;
            }
        }
    }
}
