using System.Globalization;
using LrLab.Core.Plotting;
using LrLab.Web.Interop;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace LrLab.Web.Components.Charts;

/// <summary>
/// A small canvas line chart for every page: named series, linear or log axes, legend, hover readout,
/// shaded ranges, marker lines and points. It redraws after every render, cheaply enough for animation.
/// </summary>
public sealed partial class LineChart : IDisposable
{
    private static int _next;
    private readonly string _id = "chart-" + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
    private readonly CanvasCommands _commands = new();
    private ChartLayout? _layout;
    private ChartHit? _hover;
    private bool _disposed;

    [Inject]
    private ICanvasInterop Canvas { get; set; } = null!;

    /// <summary>What to draw.</summary>
    [Parameter, EditorRequired]
    public Chart Model { get; set; } = null!;

    /// <summary>The canvas's data-testid.</summary>
    [Parameter]
    public string? TestId { get; set; }

    /// <summary>Height in CSS pixels.</summary>
    [Parameter]
    public int Height { get; set; } = 280;

    /// <summary>Text alternative for screen readers.</summary>
    [Parameter]
    public string? Label { get; set; }

    /// <summary>The element id of the canvas.</summary>
    public string CanvasId => _id;

    /// <summary>The point under the pointer, if any.</summary>
    public ChartHit? Hover => _hover;

    /// <summary>The commands of the last frame (for tests).</summary>
    public CanvasCommands LastFrame => _commands;

    private string HeightCss => Height.ToString(CultureInfo.InvariantCulture) + "px";

    private bool LegendShown => Model.ShowLegend ?? Model.Series.Count > 1;

    /// <summary>Pretend the pointer is at this canvas pixel (what a mouse move does).</summary>
    public void PointAt(double x, double y)
    {
        _layout ??= ChartRenderer.Layout(Model, Canvas.Size(_id).Width, Height);
        _hover = ChartRenderer.Nearest(Model, _layout, x, y);
        Redraw();
    }

    /// <inheritdoc />
    public void Dispose() => _disposed = true;

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            await Canvas.EnsureLoadedAsync();
        }

        Redraw();
    }

    private void Redraw()
    {
        if (_disposed || !Canvas.IsReady)
        {
            return;
        }

        var (width, height) = Canvas.Size(_id);
        if (width <= 0)
        {
            return;
        }

        if (_hover is { } h && (h.Series >= Model.Series.Count || h.Index >= Model.Series[h.Series].Count))
        {
            _hover = null;
        }

        _layout = ChartRenderer.Render(Model, width, height > 0 ? height : Height, _commands, _hover);
        Canvas.Draw(_id, _commands);
    }

    private void OnPointerMove(MouseEventArgs e)
    {
        if (_layout is null)
        {
            return;
        }

        _hover = ChartRenderer.Nearest(Model, _layout, e.OffsetX, e.OffsetY);
    }

    private void OnPointerLeave() => _hover = null;

    private string FormatX(double x) => Model.FormatX?.Invoke(x) ?? x.ToString("G4", CultureInfo.InvariantCulture);

    private string FormatY(double y) => Model.FormatY?.Invoke(y) ?? y.ToString("G4", CultureInfo.InvariantCulture);

    private string ReadoutStyle(ChartHit hit)
    {
        var width = _layout is { } l ? l.Left + l.Width : 400;
        var left = hit.PixelX > width / 2 ? "right:" + Px(width - hit.PixelX + 16) : "left:" + Px(hit.PixelX + 12);
        return left + ";top:" + Px(Math.Max(0, (_layout?.Top ?? 0) + 4));
    }

    private static string Px(double v) => v.ToString("0", CultureInfo.InvariantCulture) + "px";
}
