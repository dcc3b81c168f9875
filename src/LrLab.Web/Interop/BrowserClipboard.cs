using Microsoft.JSInterop;

namespace LrLab.Web.Interop;

/// <summary><see cref="IClipboard"/> through the browser's asynchronous clipboard API.</summary>
public sealed class BrowserClipboard(IJSRuntime js) : IClipboard
{
    /// <inheritdoc />
    public async Task<bool> CopyAsync(string text)
    {
        try
        {
            await js.InvokeVoidAsync("navigator.clipboard.writeText", text);
            return true;
        }
        catch (JSException)
        {
            // Permission denied or no secure context: the page says so and the code stays selectable.
            return false;
        }
    }
}
