using CsCheck;
using LrLab.Web.Designer;

namespace LrLab.Fuzz;

/// <summary>/schedules?schedule=…&amp;lr=…&amp;steps=…: the designer shows every link (a rate for each update), names each bad
/// key, and its share link reads back as the same schedule with no problem.</summary>
public static class SchedulesLinkTarget
{
    public static readonly string[] Keys = ["schedule", "lr", "steps", "junk"];

    public static FuzzTarget Target { get; } = new("schedules-link", "/schedules query strings", (iter, seed, time) => Link.Over(Keys).Sample(Slowest.Wrap<Link>(Check), iter: iter, seed: seed, time: time));

    public static void Check(Link link)
    {
        var designer = Load(link.Query);
        if (designer.UrlProblem is { } problem)
        {
            Notices.IsOneLine(problem);
        }

        foreach (var key in link.BadKeys.Where(k => k != "junk"))
        {
            FuzzException.Unless(designer.UrlProblem is { } p && p.Contains(key, StringComparison.Ordinal), $"no notice names '{key}': {designer.UrlProblem}");
        }

        FuzzException.Unless(designer.Rates.Length == designer.Steps, "the chart does not cover every update");
        var share = designer.ShareUrl;
        var again = Load(share[share.IndexOf('?', StringComparison.Ordinal)..]);
        FuzzException.Unless(again.UrlProblem is null, $"the share link {share} reads with a problem: {again.UrlProblem}");
        FuzzException.Unless(again.ShareUrl == share, $"the share link does not round-trip: {share} → {again.ShareUrl}");
    }

    private static ScheduleDesigner Load(string query)
    {
        var designer = new ScheduleDesigner();
        designer.LoadUrl(QueryReader.Get(query, "schedule"), QueryReader.Get(query, "lr"), QueryReader.Get(query, "steps"));
        return designer;
    }
}
