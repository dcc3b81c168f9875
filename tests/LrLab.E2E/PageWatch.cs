using Microsoft.Playwright;

namespace LrLab.E2E;

/// <summary>
/// Collects, for the pages of one test, everything that must never happen: console errors (which include Blazor's
/// unhandled exceptions, exceptions caught by an error boundary and CSP violations), uncaught page errors, requests
/// to any origin but the site's own, and Blazor's error bar on screen.
/// </summary>
internal sealed class PageWatch
{
    private readonly List<IPage> _pages = [];
    private readonly List<string> _problems = [];
    private readonly List<string> _allowed = [];
    private readonly Lock _gate = new();

    /// <summary>Every URL the pages requested.</summary>
    public List<string> Requests { get; } = [];

    public void Attach(IPage page, string siteUrl)
    {
        var origin = new Uri(siteUrl).GetLeftPart(UriPartial.Authority);
        lock (_gate)
        {
            _pages.Add(page);
        }

        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Add("console error: " + message.Text);
            }
        };
        page.PageError += (_, error) => Add("page error: " + error);
        page.Request += (_, request) =>
        {
            lock (_gate)
            {
                Requests.Add(request.Url);
            }

            if (!SameOrigin(request.Url, origin))
            {
                Add("request to another origin: " + request.Url);
            }
        };
    }

    public void Allow(string fragment)
    {
        lock (_gate)
        {
            _allowed.Add(fragment);
        }
    }

    /// <summary>Looks for the error bar on every open page, closes them, and lists what went wrong.</summary>
    public async Task<IReadOnlyList<string>> FinishAsync()
    {
        foreach (var page in _pages.ToArray())
        {
            if (page.IsClosed)
            {
                continue;
            }

            try
            {
                if (await page.EvaluateAsync<bool>("() => { const bar = document.getElementById('blazor-error-ui'); return !!bar && getComputedStyle(bar).display !== 'none'; }"))
                {
                    Add("Blazor's error bar is showing on " + page.Url);
                }
            }
            catch (PlaywrightException)
            {
                // The page navigated away or crashed while we asked; a crash has already logged a page error.
            }

            await page.CloseAsync();
        }

        lock (_gate)
        {
            return [.. _problems.Where(p => !_allowed.Any(a => p.Contains(a, StringComparison.Ordinal)))];
        }
    }

    // data: and blob: URLs never leave the page (chart exports, the PNG download).
    private static bool SameOrigin(string url, string origin) =>
        url.StartsWith(origin + "/", StringComparison.Ordinal) || url == origin
        || url.StartsWith("data:", StringComparison.Ordinal) || url.StartsWith("blob:", StringComparison.Ordinal);

    private void Add(string problem)
    {
        lock (_gate)
        {
            _problems.Add(problem);
        }
    }
}
