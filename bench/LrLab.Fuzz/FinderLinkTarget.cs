using CsCheck;
using LrLab.Web.Finder;

namespace LrLab.Fuzz;

/// <summary>/finder?…: every link gives valid settings, names each bad key, and the page's own link reads back the same.</summary>
public static class FinderLinkTarget
{
    public static readonly string[] Keys = ["optimizer", "start", "end", "iters", "mode", "batch", "seed", "junk"];

    public static FuzzTarget Target { get; } = new("finder-link", "/finder query strings", (iter, seed, time) => Link.Over(Keys).Sample(Slowest.Wrap<Link>(Check), iter: iter, seed: seed, time: time));

    public static void Check(Link link)
    {
        var (settings, notices) = FinderUrl.Parse(link.Query);
        Notices.AreOneLine(notices);
        foreach (var key in link.BadKeys.Where(k => k != "junk"))
        {
            FuzzException.Unless(Link.Named(notices, key), $"no notice names '{key}': [{string.Join(" | ", notices)}]");
        }

        settings.ToOptions().Validate();
        var written = FinderUrl.Build(settings);
        var (again, againNotices) = FinderUrl.Parse(written[written.IndexOf('?', StringComparison.Ordinal)..]);
        FuzzException.Unless(againNotices.Count == 0, $"the page's own link {written} reads with notices: {string.Join(" | ", againNotices)}");
        FuzzException.Unless(again == settings, $"the link does not round-trip: {written} → {again}");
    }
}
