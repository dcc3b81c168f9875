namespace LrLab.Web.Interop;

/// <summary>
/// Everything the app asks of a &lt;canvas&gt;. The browser implementation is <see cref="CanvasInterop"/>
/// (one [JSImport] module); bUnit tests use a recording fake.
/// </summary>
public interface ICanvasInterop
{
    /// <summary>Load the JS module (idempotent). Call before the first draw.</summary>
    Task EnsureLoadedAsync();

    /// <summary>Whether drawing works yet (module loaded).</summary>
    bool IsReady { get; }

    /// <summary>CSS width and height of the canvas with this element id (0 if absent).</summary>
    (double Width, double Height) Size(string canvasId);

    /// <summary>Replay one frame of commands on the canvas with this element id.</summary>
    void Draw(string canvasId, CanvasCommands commands);

    /// <summary>Store an RGBA image (row-major, 4 bytes a pixel) under a key for <see cref="CanvasCommands.Image"/>.</summary>
    void SetImage(string key, int width, int height, ReadOnlySpan<byte> rgba);

    /// <summary>Completes at the browser's next animation frame.</summary>
    Task NextFrameAsync();
}
