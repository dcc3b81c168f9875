namespace LrLab.Web.Interop;

/// <summary>The address bar and page-wide keys, behind an interface so bUnit can fake them.</summary>
public interface IBrowserInterop
{
    /// <summary>Load the JS module (idempotent).</summary>
    Task EnsureLoadedAsync();

    /// <summary>Replace the current history entry's URL (path and query) without navigating.</summary>
    void ReplaceUrl(string pathAndQuery);

    /// <summary>Call <paramref name="onKey"/> with " " or an arrow key name when pressed outside form controls.</summary>
    void ListenKeys(Action<string> onKey);

    /// <summary>Stop the keyboard shortcuts.</summary>
    void StopKeys();

    /// <summary>Whether the user asked the system for less motion (prefers-reduced-motion: reduce).</summary>
    bool PrefersReducedMotion();
}
