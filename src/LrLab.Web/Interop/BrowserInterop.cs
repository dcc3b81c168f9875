using System.Runtime.InteropServices.JavaScript;
using System.Runtime.Versioning;

namespace LrLab.Web.Interop;

/// <summary>The browser side of <see cref="IBrowserInterop"/>: wwwroot/js/browser.js through [JSImport].</summary>
[SupportedOSPlatform("browser")]
public sealed partial class BrowserInterop : IBrowserInterop
{
    private const string Module = "lrlab-browser";
    private Task? _loading;
    private bool _ready;

    /// <inheritdoc />
    public async Task EnsureLoadedAsync()
    {
        _loading ??= JSHost.ImportAsync(Module, "../js/browser.js");
        await _loading;
        _ready = true;
    }

    /// <inheritdoc />
    public void ReplaceUrl(string pathAndQuery)
    {
        if (_ready)
        {
            ReplaceUrlJs(pathAndQuery);
        }
    }

    /// <inheritdoc />
    public void ListenKeys(Action<string> onKey)
    {
        if (_ready)
        {
            ListenKeysJs(onKey);
        }
    }

    /// <inheritdoc />
    public void StopKeys()
    {
        if (_ready)
        {
            UnlistenKeysJs();
        }
    }

    /// <inheritdoc />
    public bool PrefersReducedMotion() => _ready && PrefersReducedMotionJs();

    [JSImport("prefersReducedMotion", Module)]
    private static partial bool PrefersReducedMotionJs();

    [JSImport("replaceUrl", Module)]
    private static partial void ReplaceUrlJs(string url);

    [JSImport("listenKeys", Module)]
    private static partial void ListenKeysJs([JSMarshalAs<JSType.Function<JSType.String>>] Action<string> onKey);

    [JSImport("unlistenKeys", Module)]
    private static partial void UnlistenKeysJs();
}
