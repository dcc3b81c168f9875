using System.Runtime.InteropServices.JavaScript;
using System.Runtime.Versioning;

namespace LrLab.Web.Interop;

/// <summary>The browser side of <see cref="IChartExport"/>: wwwroot/js/export.js through [JSImport].</summary>
[SupportedOSPlatform("browser")]
public sealed partial class ChartExport : IChartExport
{
    private const string Module = "lrlab-export";
    private Task? _loading;

    /// <inheritdoc />
    public async Task<bool> SavePngAsync(string canvasId, string fileName)
    {
        await LoadAsync();
        return SavePng(canvasId, fileName);
    }

    /// <inheritdoc />
    public async Task SaveTextAsync(string text, string mimeType, string fileName)
    {
        await LoadAsync();
        SaveText(text, mimeType, fileName);
    }

    private Task LoadAsync() => _loading ??= JSHost.ImportAsync(Module, "../js/export.js");

    [JSImport("savePng", Module)]
    private static partial bool SavePng(string canvasId, string fileName);

    [JSImport("saveText", Module)]
    private static partial void SaveText(string text, string mimeType, string fileName);
}
