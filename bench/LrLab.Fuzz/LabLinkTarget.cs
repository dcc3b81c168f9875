using CsCheck;
using LrLab.Web.Lab;

namespace LrLab.Fuzz;

/// <summary>/lab?…: every link parses into a state the lab can run, its notices name each bad key, and the link the lab
/// writes back reads as the same state with no notice.</summary>
public static class LabLinkTarget
{
    public static readonly string[] Keys =
    [
        "surface", "optimizer", "lr", "momentum", "steps", "start", "schedule", "compare", "batch", "seed", "race", "shrink", "c",
        "beta1", "beta2", "eps", "weight_decay", "alpha", "nesterov", "centered", "junk",
    ];

    public static FuzzTarget Target { get; } = new("lab-link", "/lab query strings", (iter, seed, time) => Link.Over(Keys).Sample(Slowest.Wrap<Link>(Check), iter: iter, seed: seed, time: time));

    public static void Check(Link link)
    {
        var (state, notices) = LabUrl.Parse(link.Query);
        Notices.AreOneLine(notices);
        foreach (var key in link.BadKeys.Where(k => k != "junk"))
        {
            FuzzException.Unless(Link.Named(notices, key), $"no notice names '{key}': [{string.Join(" | ", notices)}]");
        }

        var session = new LabSession(state);
        FuzzException.Unless(session.Runs.Count > 0, "no run");
        foreach (var run in session.Runs)
        {
            FuzzException.Unless(run.Trajectory.Steps.Count >= 1, "a run without a start point");
        }

        var written = LabUrl.Serialize(session.State);
        var (again, againNotices) = LabUrl.Parse(written);
        FuzzException.Unless(againNotices.Count == 0, $"the lab's own link {written} reads with notices: {string.Join(" | ", againNotices)}");
        var rewritten = LabUrl.Serialize(new LabSession(again).State);
        FuzzException.Unless(rewritten == written, $"the link does not round-trip: {written} → {rewritten}");
    }
}
