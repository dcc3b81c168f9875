using System.Runtime.InteropServices.JavaScript;
using System.Runtime.Versioning;
using Microsoft.AspNetCore.Components;

namespace LrLab.Web.Interop;

/// <summary>localStorage through <see cref="StorageInterop"/>; the JS module is imported on first use.</summary>
[SupportedOSPlatform("browser")]
public sealed class BrowserStorage(NavigationManager navigation) : IBrowserStorage
{
    private Task? _import;

    /// <inheritdoc/>
    public async Task<string?> GetAsync(string key)
    {
        await EnsureImportedAsync();
        return StorageInterop.GetItem(key);
    }

    /// <inheritdoc/>
    public async Task SetAsync(string key, string value)
    {
        await EnsureImportedAsync();
        StorageInterop.SetItem(key, value);
    }

    /// <inheritdoc/>
    public async Task RemoveAsync(string key)
    {
        await EnsureImportedAsync();
        StorageInterop.RemoveItem(key);
    }

    private Task EnsureImportedAsync() =>
        _import ??= JSHost.ImportAsync(StorageInterop.ModuleName, navigation.ToAbsoluteUri(StorageInterop.ModulePath).ToString());
}
