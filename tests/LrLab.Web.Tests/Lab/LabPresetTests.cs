using LrLab.Web.Components;
using LrLab.Web.Lab;

namespace LrLab.Web.Tests.Lab;

public sealed class LabPresetTests
{
    public static TheoryData<string> Ids() => [.. LabPresets.All.Select(p => p.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_preset_produces_its_verdict(string id)
    {
        var preset = LabPresets.Find(id)!;
        var session = new LabSession(preset.State);
        var run = session.Current.Trajectory;
        Assert.Contains(preset.ExpectedVerdict, VerdictText.Describe(run.Verdict, run.Pattern), StringComparison.Ordinal);
        Assert.NotEmpty(run.Explanation);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_preset_survives_its_own_link(string id)
    {
        var preset = LabPresets.Find(id)!;
        var (state, notices) = LabUrl.Parse(LabUrl.Serialize(preset.State));
        Assert.Empty(notices);
        Assert.Equal(LabUrl.Serialize(preset.State), LabUrl.Serialize(state));
    }

    [Fact]
    public void Presets_have_unique_ids() => Assert.Equal(LabPresets.All.Count, LabPresets.All.Select(p => p.Id).Distinct().Count());

    [Fact]
    public void The_race_preset_shows_all_three_regimes()
    {
        var session = new LabSession(LabPresets.Find("bowl-race")!.State);
        Assert.Equal(
            ["too small (crawling)", "just right (smooth)", "just right (oscillating)", "too large (diverging)"],
            session.Runs.Select(r => VerdictText.Describe(r.Trajectory.Verdict, r.Trajectory.Pattern)));
    }
}
