using LrLab.Core;
using LrLab.Core.Simulation;
using LrLab.Web.Components;
using LrLab.Web.Lab;

namespace LrLab.Web.Tests.Lab;

public sealed class MixedRaceTests
{
    private static readonly LabState _ravine = LabPresets.Find("ravine-optimizers")!.State;

    public static TheoryData<string, double> RavineEntries()
    {
        var data = new TheoryData<string, double>();
        foreach (var e in _ravine.Race)
        {
            data.Add(e.Optimizer, e.Lr);
        }

        return data;
    }

    private static void SameTrajectory(Trajectory expected, Trajectory actual)
    {
        Assert.Equal(expected.Steps.Count, actual.Steps.Count);
        for (var k = 0; k < expected.Steps.Count; k++)
        {
            Assert.Equal(expected.Steps[k].Params, actual.Steps[k].Params);
            Assert.Equal(expected.Steps[k].Loss, actual.Steps[k].Loss);
        }

        Assert.Equal(expected.Verdict, actual.Verdict);
        Assert.Equal(expected.Pattern, actual.Pattern);
    }

    [Theory]
    [MemberData(nameof(RavineEntries))]
    public void Each_run_of_a_mixed_race_equals_that_optimizer_run_alone(string optimizer, double lr)
    {
        var race = new LabSession(_ravine);
        var run = race.Runs[race.FindRun(optimizer, lr)];
        var alone = new LabSession(new LabState { Surface = "ravine", Optimizer = optimizer, Lr = lr });
        Assert.Equal(optimizer, run.Optimizer);
        SameTrajectory(alone.Current.Trajectory, run.Trajectory);
    }

    [Fact]
    public void Runs_of_the_form_optimizer_use_its_hyperparameters_and_the_others_pytorch_defaults()
    {
        var state = new LabState { Surface = "ravine", Optimizer = "momentum", Momentum = 0.5, Beta1 = 0.5, Lr = 0.01, Race = [new("momentum", 0.01), new("adam", 0.1), new("sgd", 0.01)] };
        var race = new LabSession(state);
        SameTrajectory(new LabSession(state with { Race = [] }).Current.Trajectory, race.Runs[0].Trajectory);
        SameTrajectory(new LabSession(new LabState { Surface = "ravine", Optimizer = "adam", Lr = 0.1 }).Current.Trajectory, race.Runs[1].Trajectory);
        SameTrajectory(new LabSession(new LabState { Surface = "ravine", Optimizer = "sgd", Lr = 0.01 }).Current.Trajectory, race.Runs[2].Trajectory);

        // Momentum 0.5 really changed the form's run: at 0.9 (the default) it would differ.
        Assert.NotEqual(
            new LabSession(new LabState { Surface = "ravine", Optimizer = "momentum", Lr = 0.01 }).Current.Trajectory.Steps[5].Params,
            race.Runs[0].Trajectory.Steps[5].Params);
    }

    [Fact]
    public void The_ravine_preset_gives_every_optimizer_a_sensible_verdict()
    {
        var race = new LabSession(_ravine);
        Assert.True(race.Mixed);
        Assert.Equal(
            ["just right (oscillating)", "just right (oscillating)", "just right (oscillating)", "just right (oscillating)"],
            race.Runs.Select(r => VerdictText.Describe(r.Trajectory.Verdict, r.Trajectory.Pattern)));
        Assert.All(race.Runs, r => Assert.True(r.Trajectory.StepsToConverge < 100));

        // Momentum and Adam do cross the valley floor (y = 0) back and forth: the preset's words follow the engine.
        foreach (var run in race.Runs.Take(3))
        {
            var ys = run.Trajectory.Steps.Select(p => p.Params[1]).ToList();
            Assert.True(ys.Zip(ys.Skip(1)).Count(p => p.First * p.Second < 0) >= 3, $"{run.Trajectory.Optimizer} should cross y = 0 at least 3 times");
        }

        // The line search really cut steps (α₀ = 0.05 is above 2/λmax = 0.04 on the ravine), and it is drawn with its trials.
        var search = race.Runs[3];
        Assert.NotNull(search.SearchOf(1));
        Assert.Contains(search.Trajectory.LineSearch!, s => s.Probes.Count > 1);
        Assert.Null(race.Runs[0].SearchOf(1));
    }

    [Fact]
    public void A_mixed_race_survives_its_link_with_the_selection()
    {
        var race = new LabSession(_ravine);
        race.Select(2);
        var query = LabUrl.Serialize(race.State);
        Assert.Contains("race=sgd:0.03,momentum:0.01,adam:0.1,linesearch:0.05", query, StringComparison.Ordinal);
        Assert.Contains("optimizer=sgd&lr=0.1", query, StringComparison.Ordinal);
        Assert.DoesNotContain("compare=", query, StringComparison.Ordinal);

        var (state, notices) = LabUrl.Parse(query);
        Assert.Empty(notices);
        var again = new LabSession(state);
        Assert.Equal(race.Runs.Select(r => (r.Optimizer, r.Lr)), again.Runs.Select(r => (r.Optimizer, r.Lr)));
        Assert.Equal(2, again.Selected);
        Assert.Equal(query, LabUrl.Serialize(again.State));
    }

    [Fact]
    public void A_race_of_one_optimizer_keeps_the_spec_link()
    {
        var race = new LabSession(new LabState { Surface = "bowl", Lr = 0.05, Compare = [0.001, 0.05] });
        race.Select(race.AddRate(0.3));
        var query = LabUrl.Serialize(race.State);
        Assert.Equal("?surface=bowl&optimizer=sgd&lr=0.3&compare=0.001,0.05,0.3", query);
        Assert.False(race.Mixed);

        // A race= whose entries all use the form's optimizer is read as that compare.
        var (state, notices) = LabUrl.Parse("surface=bowl&optimizer=sgd&race=sgd:0.001,sgd:0.05");
        Assert.Empty(notices);
        Assert.Empty(state.Race);
        Assert.Equal([0.001, 0.05], state.Compare);
    }

    [Theory]
    [InlineData("race=sgd:0.03,fancy:0.1,adam:0.1", "'fancy:0.1'")]
    [InlineData("race=sgd:0.03,adam,adam:0.1", "'adam' does not start with a known optimizer")]
    [InlineData("race=sgd:0.03,adam:fast,adam:0.1", "'adam:fast' does not end in a rate")]
    [InlineData("race=sgd:0.03,adam:500,adam:0.1", "'adam:500'")]
    [InlineData("race=sgd:0.03,:0.2,adam:0.1", "':0.2'")]
    [InlineData("race=sgd:0.03,linesearch:0.05,adam:0.1&schedule=ReduceLROnPlateau(patience=5)", "cannot drive a line search")]
    public void Bad_race_entries_are_named_in_a_notice_and_left_out(string query, string named)
    {
        var (state, notices) = LabUrl.Parse("surface=ravine&" + query);
        var notice = Assert.Single(notices);
        Assert.StartsWith("race: ", notice, StringComparison.Ordinal);
        Assert.Contains(named, notice, StringComparison.Ordinal);
        Assert.Equal([new RaceEntry("sgd", 0.03), new RaceEntry("adam", 0.1)], state.Race);
        Assert.Equal(2, new LabSession(state).Runs.Count);
    }

    [Fact]
    public void A_race_of_only_bad_entries_leaves_the_defaults()
    {
        var (state, notices) = LabUrl.Parse("race=x:1,y:2&lr=0.3");
        Assert.Equal(2, notices.Count);
        Assert.Empty(state.Race);
        Assert.Equal(0.3, new LabSession(state).Current.Lr);
    }

    [Fact]
    public void Lr_picks_the_run_preferring_the_form_optimizer_and_joins_the_race_when_missing()
    {
        var (tie, _) = LabUrl.Parse("surface=ravine&optimizer=linesearch&lr=0.05&race=sgd:0.05,linesearch:0.05");
        Assert.Equal(1, new LabSession(tie).Selected);

        var (missing, notices) = LabUrl.Parse("surface=ravine&optimizer=momentum&lr=0.002&race=sgd:0.03,adam:0.1");
        Assert.Empty(notices);
        Assert.Equal(new RaceEntry("momentum", 0.002), missing.Race[0]);
        Assert.Equal(0, new LabSession(missing).Selected);
    }

    [Fact]
    public void At_most_six_runs_race()
    {
        var (state, notices) = LabUrl.Parse("race=sgd:0.1,adam:0.1,adam:0.2,adam:0.3,adam:0.4,adam:0.5,adam:0.6");
        Assert.Equal(6, state.Race.Count);
        Assert.Contains(notices, n => n.StartsWith("race: at most 6", StringComparison.Ordinal));
    }

    [Fact]
    public void Adding_an_optimizer_refuses_a_duplicate_and_a_search_under_plateau()
    {
        var race = new LabSession(new LabState { Surface = "ravine", Lr = 0.03 });
        Assert.Equal(1, race.AddRun("adam", 0.1));
        Assert.Equal(-1, race.AddRun("adam", 0.1));
        Assert.Equal(2, race.AddRun("linesearch", 0.1));
        Assert.True(race.Mixed);

        var plateau = new LabSession(new LabState { Surface = "ravine", Lr = 0.03, Schedule = "ReduceLROnPlateau(patience=5)" });
        Assert.Throws<InputException>(() => plateau.AddRun("linesearch", 0.05));
        Assert.Single(plateau.Runs);
    }

    [Theory]
    [InlineData("adam", 0.001)]
    [InlineData("sgd", 0.01)]
    [InlineData("nadam", 0.002)]
    [InlineData("linesearch", 1.0)]
    public void Default_rates_come_from_the_optimizer_table(string optimizer, double lr) => Assert.Equal(lr, LabSession.DefaultRate(optimizer));

    [Fact]
    public void Changing_the_form_optimizer_moves_only_its_runs_and_keeps_the_selection()
    {
        var race = new LabSession(_ravine);
        race.Select(2); // adam 0.1
        race.Apply(race.State with { Optimizer = "momentum" });

        // sgd 0.03 became momentum 0.03; momentum 0.01 stays; adam and line search keep theirs.
        Assert.Equal([("momentum", 0.03), ("momentum", 0.01), ("adam", 0.1), ("linesearch", 0.05)], race.Runs.Select(r => (r.Optimizer, r.Lr)));
        Assert.Equal("adam", race.Current.Optimizer);

        // A run that would repeat another is dropped.
        race.Apply(race.State with { Optimizer = "momentum", Lr = 0.01 });
        race.AddRun("momentum", 0.1);
        race.Apply(race.State with { Optimizer = "adam" });
        Assert.Equal([("adam", 0.03), ("adam", 0.01), ("adam", 0.1), ("linesearch", 0.05)], race.Runs.Select(r => (r.Optimizer, r.Lr)));
    }

    [Fact]
    public void The_slider_drives_only_the_selected_run_of_its_own_optimizer()
    {
        var race = new LabSession(_ravine);
        race.Select(2);
        race.SetRate(0.2);
        Assert.Equal([0.03, 0.01, 0.2, 0.05], race.Runs.Select(r => r.Lr));
        Assert.Equal("adam", race.Current.Optimizer);
        SameTrajectory(new LabSession(new LabState { Surface = "ravine", Optimizer = "adam", Lr = 0.2 }).Current.Trajectory, race.Current.Trajectory);
    }
}
