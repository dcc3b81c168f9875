using System.Runtime.InteropServices.JavaScript;
using System.Runtime.Versioning;

namespace LrLab.Web.Interop;

/// <summary>The <c>[JSImport]</c> bindings of <c>wwwroot/js/storage.js</c>.</summary>
[SupportedOSPlatform("browser")]
internal static partial class StorageInterop
{
    /// <summary>Name the module is registered under.</summary>
    public const string ModuleName = "lrlab-storage";

    /// <summary>Path of the module below the app's base address.</summary>
    public const string ModulePath = "js/storage.js";

    [JSImport("getItem", ModuleName)]
    internal static partial string? GetItem(string key);

    [JSImport("setItem", ModuleName)]
    internal static partial void SetItem(string key, string value);

    [JSImport("removeItem", ModuleName)]
    internal static partial void RemoveItem(string key);
}
