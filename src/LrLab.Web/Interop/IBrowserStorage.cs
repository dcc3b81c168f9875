namespace LrLab.Web.Interop;

/// <summary>Key/value storage that survives a reload (the browser's localStorage); faked in bUnit tests.</summary>
public interface IBrowserStorage
{
    /// <summary>The stored text, or null if absent or storage is unavailable.</summary>
    Task<string?> GetAsync(string key);

    /// <summary>Stores the text (silently ignored where storage is unavailable).</summary>
    Task SetAsync(string key, string value);

    /// <summary>Removes the key.</summary>
    Task RemoveAsync(string key);
}
