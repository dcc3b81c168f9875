using System.Globalization;
using LrLab.Web.Components.Charts;
using LrLab.Web.Interop;
using LrLab.Web.Lab;
using LrLab.Web.Url;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace LrLab.Web.Components.Lab;

/// <summary>
/// The surface view of the lab: the shaded surface with every raced run's trail on one canvas, its caption and the typed
/// start point. A click on the surface, the typed fields and "Default start" all ask for a new start through <see cref="OnStart"/>.
/// </summary>
public sealed partial class SurfaceView : IDisposable
{
    private const int HeatWidth = 360;
    private const int HeatHeight = 270;

    // A typed start further out than this is a typo rather than an experiment (the views span a few units).
    private const double MaxStart = 1e6;
    private static int _instances;
    private readonly string _canvasId;
    private readonly string _startId;
    private readonly CanvasCommands _commands = new();
    private ChartLayout? _layout;
    private string? _heatKey;
    private bool _startOpen;
    private string? _startError;
    private bool _disposed;

    /// <summary>A view with its own element ids (several labs can share a page).</summary>
    public SurfaceView()
    {
        var n = Interlocked.Increment(ref _instances).ToString(CultureInfo.InvariantCulture);
        _canvasId = "surface-" + n;
        _startId = "start-entry-" + n;
    }

    /// <summary>The runs drawn (the selected one with its probes).</summary>
    [Parameter, EditorRequired]
    public LabSession Session { get; set; } = null!;

    /// <summary>The step the view shows.</summary>
    [Parameter]
    public int Shown { get; set; }

    /// <summary>A new start point was asked for (null: the surface's default).</summary>
    [Parameter]
    public EventCallback<IReadOnlyList<double>?> OnStart { get; set; }

    [Inject]
    private ICanvasInterop Canvas { get; set; } = null!;

    private int NextUpdate => ProbeMarks.NextUpdate(Session.Current, Session.Shown);

    private string SurfaceLabel => string.Create(
        CultureInfo.InvariantCulture,
        $"Surface {Session.Setup.Surface.Name} with {Session.Runs.Count} run(s); the selected run is at {RunLabels.Point(SurfaceRenderer.CurrentPoint(Session.Current, Session.Shown))} after {Shown} steps. Press Enter to type a start point.");

    /// <inheritdoc />
    public void Dispose() => _disposed = true;

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            await Canvas.EnsureLoadedAsync();
        }

        Draw();
    }

    private void Draw()
    {
        if (_disposed || !Canvas.IsReady)
        {
            return;
        }

        var (width, height) = Canvas.Size(_canvasId);
        if (width <= 0 || height <= 0)
        {
            return;
        }

        // The shading depends on the surface alone: computed once per surface, not per frame.
        var surface = Session.Setup.Surface;
        var key = "heat:" + surface.Name;
        if (surface.Dimension == 2 && _heatKey != key)
        {
            var rgba = new byte[HeatWidth * HeatHeight * 4];
            HeatMap.Render(surface, surface.View, HeatWidth, HeatHeight, rgba);
            Canvas.SetImage(key, HeatWidth, HeatHeight, rgba);
            _heatKey = key;
        }

        _layout = SurfaceRenderer.Render(Scene(key), width, height, _commands);
        Canvas.Draw(_canvasId, _commands);
    }

    private SurfaceScene Scene(string heatKey) => new(Session.Setup, Session.Setup.Surface.View, heatKey, Session.Runs, Session.Selected, Session.Shown);

    private async Task OnCanvasClick(MouseEventArgs e)
    {
        if (_layout is not null && SurfaceRenderer.PointAt(Scene(_heatKey ?? string.Empty), _layout, e.OffsetX, e.OffsetY) is { } point)
        {
            await ApplyStart(point);
        }
    }

    private Task ApplyStart(IReadOnlyList<double>? start)
    {
        _startError = null;
        return OnStart.InvokeAsync(start);
    }

    // Arrow keys on the focused canvas keep nudging the rate (the page-wide shortcut); Enter opens the typed start
    // fields, which come next in the tab order.
    private void OnCanvasKey(KeyboardEventArgs e)
    {
        if (e.Key == "Enter" && !_startOpen)
        {
            ToggleStart();
        }
    }

    private void ToggleStart()
    {
        _startOpen = !_startOpen;
        _startError = null;
    }

    private Task OnStartTyped(int axis, ChangeEventArgs e)
    {
        var text = e.Value?.ToString()?.Trim() ?? string.Empty;
        var name = axis == 0 ? "x" : "y";
        if (!QueryReader.TryNumber(text, out var value) || Math.Abs(value) > MaxStart)
        {
            _startError = $"Start {name}: '{text}' is not a number; type one like -4 or 2.5 (at most {MaxStart.ToString("N0", CultureInfo.InvariantCulture)} either way).";
            return Task.CompletedTask;
        }

        var start = Session.Setup.Start.ToArray();
        if (axis >= start.Length)
        {
            return Task.CompletedTask;
        }

        start[axis] = value;
        return ApplyStart(start);
    }

    private Task DefaultStart() => ApplyStart(null);

    private static string StartText(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
