using LrLab.Web.Interop;

namespace LrLab.Web.Tests.Fakes;

/// <summary>An <see cref="IClipboard"/> that remembers what was copied.</summary>
public sealed class FakeClipboard : IClipboard
{
    public List<string> Copied { get; } = [];

    public bool Refuse { get; set; }

    public Task<bool> CopyAsync(string text)
    {
        if (!Refuse)
        {
            Copied.Add(text);
        }

        return Task.FromResult(!Refuse);
    }
}
