using LrLab.Core.Schedules;
using LrLab.Core.Simulation;
using LrLab.Web.Url;

namespace LrLab.Web.Lab;

/// <summary>The lab's <c>race</c> parameter: optimizers racing each other, each at its own rate (<c>race=sgd:0.03,adam:0.1</c>).</summary>
internal static class RaceUrl
{
    // race=sgd:0.03,adam:0.1: each entry an optimizer and its rate; a bad entry is named in a notice and left out. With
    // race, compare is ignored; lr picks the selected run (and joins the race with the form's optimizer when no entry
    // has that rate). A race whose runs all use the form's optimizer is an ordinary compare.
    internal static LabState Parse(LabState state, string text, double? explicitLr, List<string> notices)
    {
        var plateau = state.Schedule is { } spec && ScheduleSpec.Parse(spec).MetricSchedule is not null;
        var entries = new List<RaceEntry>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            var name = colon < 0 ? null : LabSimulation.Names.FirstOrDefault(n => string.Equals(n, part[..colon].Trim(), StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                notices.Add($"race: '{QueryReader.Shorten(part)}' does not start with a known optimizer and a colon (e.g. adam:0.1; optimizers: {string.Join(", ", LabSimulation.Names)}); left out.");
                continue;
            }

            if (!QueryReader.TryNumber(part[(colon + 1)..], out var lr) || lr < LabUrl.MinLr || lr > LabUrl.MaxLr)
            {
                notices.Add($"race: '{QueryReader.Shorten(part)}' does not end in a rate between {LabUrl.Format(LabUrl.MinLr)} and {LabUrl.Format(LabUrl.MaxLr)}; left out.");
                continue;
            }

            if (plateau && !StepRules.AcceptsMetricSchedule(name))
            {
                notices.Add($"race: '{QueryReader.Shorten(part)}' left out: ReduceLROnPlateau cannot drive a line search.");
                continue;
            }

            var entry = new RaceEntry(name, lr);
            if (!entries.Any(e => e.Same(entry)))
            {
                entries.Add(entry);
            }
        }

        if (explicitLr is { } l && entries.Count > 0 && !entries.Any(e => LabUrl.SameRate(e.Lr, l)))
        {
            entries.Insert(0, new RaceEntry(state.Optimizer, l));
        }

        if (entries.Count > LabState.MaxRuns)
        {
            notices.Add($"race: at most {LabState.MaxRuns} runs race at once; the rest are left out.");
            entries.RemoveRange(LabState.MaxRuns, entries.Count - LabState.MaxRuns);
        }

        if (entries.Count == 0)
        {
            return state;
        }

        var lrOf = explicitLr is { } x && entries.Any(e => LabUrl.SameRate(e.Lr, x)) ? x : entries[0].Lr;
        if (entries.All(e => e.Optimizer == state.Optimizer))
        {
            return state with { Lr = lrOf, Compare = entries.Count > 1 ? [.. entries.Select(e => e.Lr)] : [], Race = [] };
        }

        return state with { Lr = lrOf, Compare = [], Race = entries };
    }
}
