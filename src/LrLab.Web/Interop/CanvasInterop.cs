using System.Runtime.InteropServices;
using System.Runtime.InteropServices.JavaScript;
using System.Runtime.Versioning;

namespace LrLab.Web.Interop;

/// <summary>The browser side of <see cref="ICanvasInterop"/>: wwwroot/js/canvas.js through [JSImport].</summary>
[SupportedOSPlatform("browser")]
public sealed partial class CanvasInterop : ICanvasInterop
{
    private const string Module = "lrlab-canvas";
    private Task? _loading;

    /// <inheritdoc />
    public bool IsReady { get; private set; }

    /// <inheritdoc />
    public async Task EnsureLoadedAsync()
    {
        // The path is relative to _framework/, so it also works when the site lives under a sub-path.
        _loading ??= JSHost.ImportAsync(Module, "../js/canvas.js");
        await _loading;
        IsReady = true;
    }

    /// <inheritdoc />
    public (double Width, double Height) Size(string canvasId) => IsReady ? (Width(canvasId), Height(canvasId)) : (0, 0);

    /// <inheritdoc />
    public void Draw(string canvasId, CanvasCommands commands)
    {
        if (IsReady)
        {
            DrawJs(canvasId, Writable(commands.Ops), [.. commands.Strings]);
        }
    }

    /// <inheritdoc />
    public void SetImage(string key, int width, int height, ReadOnlySpan<byte> rgba)
    {
        if (IsReady)
        {
            SetImageJs(key, width, height, Writable(rgba));
        }
    }

    /// <inheritdoc />
    public Task NextFrameAsync() => IsReady ? NextFrameJs() : Task.Delay(16);

    // JS only reads these views (it copies them before returning); [JSImport] wants Span, not ReadOnlySpan.
    private static Span<T> Writable<T>(ReadOnlySpan<T> span) => MemoryMarshal.CreateSpan(ref MemoryMarshal.GetReference(span), span.Length);

    [JSImport("width", Module)]
    private static partial double Width(string id);

    [JSImport("height", Module)]
    private static partial double Height(string id);

    [JSImport("draw", Module)]
    private static partial void DrawJs(string id, [JSMarshalAs<JSType.MemoryView>] Span<double> ops, string[] strings);

    [JSImport("setImage", Module)]
    private static partial void SetImageJs(string key, int width, int height, [JSMarshalAs<JSType.MemoryView>] Span<byte> rgba);

    [JSImport("nextFrame", Module)]
    private static partial Task NextFrameJs();
}
