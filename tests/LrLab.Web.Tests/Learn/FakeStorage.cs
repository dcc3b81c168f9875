using LrLab.Web.Interop;

namespace LrLab.Web.Tests.Learn;

/// <summary>In-memory stand-in for localStorage.</summary>
public sealed class FakeStorage : IBrowserStorage
{
    public Dictionary<string, string> Items { get; } = [];

    public Task<string?> GetAsync(string key) => Task.FromResult(Items.TryGetValue(key, out var v) ? v : null);

    public Task SetAsync(string key, string value)
    {
        Items[key] = value;
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string key)
    {
        Items.Remove(key);
        return Task.CompletedTask;
    }
}
