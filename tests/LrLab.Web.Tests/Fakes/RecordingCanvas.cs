using LrLab.Web.Interop;

namespace LrLab.Web.Tests.Fakes;

/// <summary>An <see cref="ICanvasInterop"/> for bUnit: remembers what would have been drawn.</summary>
public sealed class RecordingCanvas : ICanvasInterop
{
    public double Width { get; set; } = 600;

    public double Height { get; set; } = 300;

    public bool IsReady { get; private set; }

    public Dictionary<string, int> Draws { get; } = [];

    public Dictionary<string, (int Width, int Height, byte[] Rgba)> Images { get; } = [];

    public Task EnsureLoadedAsync()
    {
        IsReady = true;
        return Task.CompletedTask;
    }

    public (double Width, double Height) Size(string canvasId) => (Width, Height);

    /// <summary>The texts of the last frame drawn on each canvas.</summary>
    public Dictionary<string, List<string>> Texts { get; } = [];

    public void Draw(string canvasId, CanvasCommands commands)
    {
        Draws[canvasId] = Draws.GetValueOrDefault(canvasId) + 1;
        Texts[canvasId] = commands.Texts().ToList();
    }

    public void SetImage(string key, int width, int height, ReadOnlySpan<byte> rgba) => Images[key] = (width, height, rgba.ToArray());

    public Task NextFrameAsync() => Task.Delay(1);
}
