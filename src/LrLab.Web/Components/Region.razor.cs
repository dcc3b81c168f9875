using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace LrLab.Web.Components;

/// <summary>
/// Wraps one region of a page in an <see cref="ErrorBoundary"/>: if anything inside throws, the region is replaced by
/// a one-line message naming it, a "Try again" button and a way back (by default a fresh load of the page without its
/// query, i.e. its default state), and the rest of the page keeps working. The exception is still logged to the console, so the
/// browser tests (which fail on any console error) catch the bug behind it.
/// </summary>
public sealed partial class Region
{
    private ErrorBoundary? _boundary;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    /// <summary>What the region shows, as the message names it ("The lab", "The sweep panel").</summary>
    [Parameter]
    [EditorRequired]
    public string Name { get; set; } = "This part of the page";

    /// <summary>The region's content.</summary>
    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    /// <summary>Where "reload" goes; null: this page without its query string (its default state).</summary>
    [Parameter]
    public string? Back { get; set; }

    /// <summary>Shows the content again (after a navigation, or when the user asks).</summary>
    public void Retry() => _boundary?.Recover();

    // A full load: the page's state came from the link, so only a fresh start is sure to leave the bad state behind.
    private void GoBack()
    {
        var path = Back ?? Navigation.ToBaseRelativePath(Navigation.Uri).Split('?', '#')[0];
        Navigation.NavigateTo(path.Length > 0 ? path : "./", forceLoad: true);
    }

    /// <summary>The first line of the exception's message, short: the region shows one line.</summary>
    public static string OneLine(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = error.Message.ReplaceLineEndings(" ").Trim();
        if (message.Length == 0)
        {
            message = error.GetType().Name;
        }

        return message.Length > 160 ? message[..157] + "…" : message;
    }
}
