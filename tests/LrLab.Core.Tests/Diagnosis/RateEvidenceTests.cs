using LrLab.Core.Diagnosis;

namespace LrLab.Core.Tests.Diagnosis;

/// <summary>A log that records its rate gets the blow-up tied to the schedule.</summary>
public sealed class RateEvidenceTests
{
    /// <summary>Warmup 0 → 5e-4 over steps 0–100, constant after; the loss falls to step 120, doubles by 130, NaN at 140.</summary>
    private static LossLog WarmupThenBlowUp()
    {
        var steps = Enumerable.Range(0, 15).Select(i => i * 10.0).ToArray();
        var rates = steps.Select(s => 5e-4 * Math.Min(1, s / 100)).ToArray();
        double[] losses = [2.3, 2.1, 1.9, 1.7, 1.5, 1.35, 1.2, 1.1, 1.05, 1.02, 1.01, 1.0, 1.0, 2.4, double.NaN];
        return new LossLog(losses, steps, LossLogFormat.Csv, "loss") { Rates = rates };
    }

    [Fact]
    public void Blow_up_after_warmup_names_the_steps_since_the_peak()
    {
        var d = Diagnoser.Diagnose(WarmupThenBlowUp());
        Assert.Equal(Verdict.TooLarge, d.Verdict);
        var rate = Assert.Single(d.Evidence, e => e.Kind == EvidenceKind.Rate);
        Assert.Equal("the loss blew up 30 steps after warmup reached 0.0005 (step 100)", rate.Finding);
        Assert.Equal((100, 130), (rate.FromStep, rate.ToStep));
        Assert.Equal(5e-4, d.Lr);
        Assert.Equal([5e-6, 5e-7], d.Suggestion.Rates!);
    }

    [Fact]
    public void A_constant_rate_is_named_at_the_blow_up()
    {
        var log = WarmupThenBlowUp() with { };
        log = log with { Rates = [.. Enumerable.Repeat(0.3, 15)] };
        var rate = Assert.Single(Diagnoser.Diagnose(log).Evidence, e => e.Kind == EvidenceKind.Rate);
        Assert.Equal("the loss blew up at step 130 at a rate of 0.3", rate.Finding);
    }

    [Fact]
    public void A_given_rate_wins_over_the_log_and_healthy_runs_get_no_rate_evidence()
    {
        var healthy = new LossLog([2.3, 1.2, 0.8, 0.6, 0.5, 0.45, 0.42, 0.4], [0, 1, 2, 3, 4, 5, 6, 7], LossLogFormat.Csv, "loss") { Rates = [.. Enumerable.Repeat(0.1, 8)] };
        var d = Diagnoser.Diagnose(healthy, 0.05);
        Assert.Equal(0.05, d.Lr);
        Assert.DoesNotContain(d.Evidence, e => e.Kind == EvidenceKind.Rate);
        Assert.Equal(0.1, Diagnoser.Diagnose(healthy).Lr);
    }
}
