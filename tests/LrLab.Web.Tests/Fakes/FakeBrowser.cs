using LrLab.Web.Interop;

namespace LrLab.Web.Tests.Fakes;

/// <summary>An <see cref="IBrowserInterop"/> for bUnit: keeps the last URL and lets a test press keys.</summary>
public sealed class FakeBrowser : IBrowserInterop
{
    private Action<string>? _onKey;

    public List<string> Urls { get; } = [];

    public Task EnsureLoadedAsync() => Task.CompletedTask;

    public void ReplaceUrl(string pathAndQuery) => Urls.Add(pathAndQuery);

    public void ListenKeys(Action<string> onKey) => _onKey = onKey;

    public void StopKeys() => _onKey = null;

    public void Press(string key) => _onKey?.Invoke(key);

    public bool ReducedMotion { get; set; }

    public bool PrefersReducedMotion() => ReducedMotion;
}
