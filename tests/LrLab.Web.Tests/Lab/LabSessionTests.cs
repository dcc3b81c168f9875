using LrLab.Core;
using LrLab.Web.Lab;

namespace LrLab.Web.Tests.Lab;

public sealed class LabSessionTests
{
    [Fact]
    public void Starts_at_step_zero_with_the_verdict_already_known()
    {
        var session = new LabSession(new LabState { Lr = 0.05 });
        Assert.Equal(0, session.Shown);
        Assert.Equal(Verdict.JustRight, session.Current.Trajectory.Verdict);
    }

    [Fact]
    public void Changing_the_rate_mid_run_continues_from_the_current_point()
    {
        var session = new LabSession(new LabState { Lr = 0.05 });
        session.Advance(10);
        var before = session.Current.Trajectory.Steps.Take(11).Select(p => p.Params).ToArray();
        session.SetRate(0.3);

        var after = session.Current.Trajectory.Steps;
        Assert.Equal(10, session.Shown);
        for (var k = 0; k <= 10; k++)
        {
            Assert.Equal(before[k], after[k].Params);
        }

        // Update 11 uses the new rate: θ11 = θ10 − 0.3·∇L(θ10) on x² + 2y².
        var t = after[10].Params;
        Assert.Equal(t[0] - (0.3 * 2 * t[0]), after[11].Params[0], 1e-12);
        Assert.Equal(t[1] - (0.3 * 4 * t[1]), after[11].Params[1], 1e-12);
        Assert.True(session.Current.Changed);
    }

    [Fact]
    public void Reset_restarts_at_the_current_rate()
    {
        var session = new LabSession(new LabState { Lr = 0.05 });
        session.Advance(10);
        session.SetRate(0.001);
        session.Reset();
        Assert.Equal(0, session.Shown);
        Assert.False(session.Current.Changed);
        Assert.Equal(Verdict.TooSmall, session.Current.Trajectory.Verdict);
    }

    [Fact]
    public void After_a_finished_run_the_rate_applies_to_the_whole_run()
    {
        var session = new LabSession(new LabState { Lr = 0.05 });
        session.RunToEnd();
        session.SetRate(0.6);
        Assert.False(session.Current.Changed);
        Assert.Equal(Verdict.TooLarge, session.Current.Trajectory.Verdict);
        Assert.True(session.Finished);
    }

    [Fact]
    public void Race_moves_in_lockstep_and_ends_when_the_longest_run_ends()
    {
        var session = new LabSession(new LabState { Compare = [0.05, 3] });
        Assert.Equal(2, session.Runs.Count);
        var diverged = session.Runs[1];
        Assert.NotNull(diverged.Trajectory.BlowUpStep);
        Assert.Equal(200, session.End);
        session.Advance(1000);
        Assert.True(session.Finished);
        Assert.Equal(200, session.Shown);
    }

    [Fact]
    public void Step_after_the_end_starts_again()
    {
        var session = new LabSession(new LabState { Steps = 5 });
        session.RunToEnd();
        session.StepOnce();
        Assert.Equal(1, session.Shown);
    }

    [Fact]
    public void Adding_rates_stops_at_six_and_skips_duplicates()
    {
        var session = new LabSession(new LabState { Lr = 0.01 });
        Assert.Equal(-1, session.AddRate(0.01));
        for (var i = 0; i < 5; i++)
        {
            Assert.True(session.AddRate(session.SuggestNextRate()) > 0);
        }

        Assert.Equal(-1, session.AddRate(7.5));
        Assert.Equal(6, session.Runs.Select(r => r.Color).Distinct().Count());
    }

    [Fact]
    public void State_carries_the_race_and_the_selected_rate()
    {
        var session = new LabSession(new LabState { Lr = 0.05 });
        session.Select(session.AddRate(0.5));
        var state = session.State;
        Assert.Equal(0.5, state.Lr);
        Assert.Equal([0.05, 0.5], state.Compare);
        session.Remove(1);
        Assert.Empty(session.State.Compare);
        Assert.Equal(0.05, session.State.Lr);
    }

    [Fact]
    public void Invalid_hyperparameters_leave_the_session_unchanged()
    {
        var session = new LabSession(new LabState { Optimizer = "adam", Lr = 0.01 });
        Assert.Throws<LrLab.Core.InputException>(() => session.Apply(session.State with { Beta1 = 1.5 }));
        Assert.Null(session.Setup.Options.Beta1);
    }

    [Fact]
    public void Clicking_a_start_restarts_every_run_from_there()
    {
        var session = new LabSession(new LabState { Compare = [0.05, 0.1] });
        session.Advance(5);
        session.SetStart([1, 1]);
        Assert.Equal(0, session.Shown);
        Assert.All(session.Runs, r => Assert.Equal([1.0, 1.0], r.Trajectory.Steps[0].Params));
    }

    [Fact]
    public void Schedule_and_batch_hooks_reach_the_simulation()
    {
        var session = new LabSession(new LabState { Lr = 0.1, Schedule = "StepLR(step_size=10, gamma=0.5)", Steps = 30 });
        var steps = session.Current.Trajectory.Steps;
        Assert.Equal(0.1, steps[0].Lr);
        Assert.Equal(0.05, steps[10].Lr, 1e-15);
        Assert.Equal(0.025, steps[20].Lr, 1e-15);

        var noisyA = new LabSession(new LabState { Surface = "noisy-bowl", Batch = 1, Seed = 1 }).Current.Trajectory;
        var noisyB = new LabSession(new LabState { Surface = "noisy-bowl", Batch = 1, Seed = 2 }).Current.Trajectory;
        Assert.NotEqual(noisyA.Steps[5].Params[0], noisyB.Steps[5].Params[0]);
    }
}
