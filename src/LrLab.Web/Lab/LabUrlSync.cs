using LrLab.Web.Interop;

namespace LrLab.Web.Lab;

/// <summary>
/// Keeps the address bar in step with the lab (replaceState), at most five times a second: browsers throttle history
/// updates made every frame, and the state changes every frame while a run plays or the slider moves.
/// </summary>
public sealed class LabUrlSync
{
    private const int IntervalMilliseconds = 200;
    private readonly IBrowserInterop _browser;
    private readonly Func<string> _pathAndQuery;
    private readonly Func<Action, Task> _dispatch;
    private bool _dirty;
    private bool _flushing;

    /// <summary>A sync that writes <paramref name="pathAndQuery"/> through <paramref name="browser"/>, on the renderer's thread (<paramref name="dispatch"/>).</summary>
    public LabUrlSync(IBrowserInterop browser, Func<string> pathAndQuery, Func<Action, Task> dispatch)
    {
        _browser = browser;
        _pathAndQuery = pathAndQuery;
        _dispatch = dispatch;
    }

    /// <summary>Set once the lab is gone: nothing more is written.</summary>
    public bool Stopped { get; set; }

    /// <summary>The state changed: write it soon.</summary>
    public void MarkDirty()
    {
        _dirty = true;
        if (!_flushing)
        {
            _flushing = true;
            _ = FlushAsync();
        }
    }

    private async Task FlushAsync()
    {
        try
        {
            while (_dirty && !Stopped)
            {
                _dirty = false;
                await _dispatch(() => _browser.ReplaceUrl(_pathAndQuery()));
                await Task.Delay(IntervalMilliseconds);
            }
        }
        finally
        {
            _flushing = false;
        }
    }
}
