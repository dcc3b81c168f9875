namespace LrLab.Web.Interop;

/// <summary>Downloads of what a chart shows (bUnit tests substitute a fake).</summary>
public interface IChartExport
{
    /// <summary>Saves the canvas <paramref name="canvasId"/> as a PNG file; false if there is no such canvas.</summary>
    Task<bool> SavePngAsync(string canvasId, string fileName);

    /// <summary>Saves <paramref name="text"/> (an SVG or CSV document) as a file.</summary>
    Task SaveTextAsync(string text, string mimeType, string fileName);
}
