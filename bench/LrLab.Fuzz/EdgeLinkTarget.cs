using CsCheck;
using LrLab.Web.Edge;

namespace LrLab.Fuzz;

/// <summary>/edge?rates=…&amp;samples=…&amp;steps=…: every link gives valid settings, names each bad key, and the page's own
/// link reads back the same.</summary>
public static class EdgeLinkTarget
{
    public static readonly string[] Keys = ["rates", "samples", "steps", "junk"];

    public static FuzzTarget Target { get; } = new("edge-link", "/edge query strings", (iter, seed, time) => Link.Over(Keys).Sample(Slowest.Wrap<Link>(Check), iter: iter, seed: seed, time: time));

    public static void Check(Link link)
    {
        var (settings, notices) = EdgeUrl.Parse(link.Query);
        Notices.AreOneLine(notices);
        foreach (var key in link.BadKeys.Where(k => k != "junk"))
        {
            FuzzException.Unless(Link.Named(notices, key), $"no notice names '{key}': [{string.Join(" | ", notices)}]");
        }

        var written = EdgeUrl.Build(settings);
        var (again, againNotices) = EdgeUrl.Parse(written[written.IndexOf('?', StringComparison.Ordinal)..]);
        FuzzException.Unless(againNotices.Count == 0, $"the page's own link {written} reads with notices: {string.Join(" | ", againNotices)}");
        FuzzException.Unless(EdgeUrl.Build(again) == written, $"the link does not round-trip: {written} → {EdgeUrl.Build(again)}");
    }
}
