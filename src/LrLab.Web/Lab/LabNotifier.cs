namespace LrLab.Web.Lab;

/// <summary>
/// Tells the panels around the lab (sweep, line search, batch, a lesson's experiments) about a new setup or rate, each
/// distinct state once, and while the slider is dragged only once it rests: the rate changes every animation frame
/// then, and a whole sweep per frame would cost the drag its 60 fps.
/// </summary>
public sealed class LabNotifier
{
    private const int SliderRestMilliseconds = 150;
    private string? _notified;
    private string? _notifiedSelected;
    private int _version;

    /// <summary>Whether the slider is being dragged right now (set around the slider's input handler).</summary>
    public bool SliderMoving { get; set; }

    /// <summary>Set once the lab is gone: nothing more is told.</summary>
    public bool Stopped { get; set; }

    /// <summary>
    /// Reports <paramref name="session"/>'s state to <paramref name="onState"/> and its selected run to <paramref name="onSelected"/>
    /// when they changed since the last report (now, or once the slider rests).
    /// </summary>
    public void Notify(LabSession session, Action<LabState> onState, Action<LabState> onSelected)
    {
        ArgumentNullException.ThrowIfNull(session);
        var version = ++_version;
        if (SliderMoving)
        {
            _ = WhenRestingAsync(version, session, onState, onSelected);
            return;
        }

        Now(session, onState, onSelected);
    }

    private async Task WhenRestingAsync(int version, LabSession session, Action<LabState> onState, Action<LabState> onSelected)
    {
        await Task.Delay(SliderRestMilliseconds);
        if (version == _version && !Stopped)
        {
            Now(session, onState, onSelected);
        }
    }

    private void Now(LabSession session, Action<LabState> onState, Action<LabState> onSelected)
    {
        var state = session.State;
        var key = LabUrl.Serialize(state);
        if (key != _notified)
        {
            _notified = key;
            onState(state);
        }

        // Two runs can share a rate (sgd and adam at 0.1), so the selected run is told apart by its optimizer as well.
        var selected = session.SelectedState;
        var selectedKey = selected.Optimizer + LabUrl.Serialize(selected);
        if (selectedKey != _notifiedSelected)
        {
            _notifiedSelected = selectedKey;
            onSelected(selected);
        }
    }
}
