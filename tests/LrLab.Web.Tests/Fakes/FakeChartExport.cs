using LrLab.Web.Interop;

namespace LrLab.Web.Tests.Fakes;

/// <summary>An <see cref="IChartExport"/> that remembers the downloads asked for.</summary>
public sealed class FakeChartExport : IChartExport
{
    public List<(string Kind, string Name, string Content)> Saved { get; } = [];

    public Task<bool> SavePngAsync(string canvasId, string fileName)
    {
        Saved.Add(("png", fileName, canvasId));
        return Task.FromResult(true);
    }

    public Task SaveTextAsync(string text, string mimeType, string fileName)
    {
        Saved.Add((mimeType, fileName, text));
        return Task.CompletedTask;
    }
}
