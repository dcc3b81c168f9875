namespace LrLab.Web.Interop;

/// <summary>Copies text to the system clipboard (bUnit tests substitute a fake).</summary>
public interface IClipboard
{
    /// <summary>Puts <paramref name="text"/> on the clipboard; false when the browser refused.</summary>
    Task<bool> CopyAsync(string text);
}
