using Bunit;
using LrLab.Web.Batch;
using LrLab.Web.Components.Batch;
using LrLab.Web.Interop;
using LrLab.Web.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace LrLab.Web.Tests.Batch;

public sealed class BatchRuleTests : BunitContext
{
    public BatchRuleTests() => Services.AddSingleton<ICanvasInterop>(new RecordingCanvas());

    [Theory]
    [InlineData(1, 0)]
    [InlineData(4, 1)]
    [InlineData(16, 2)]
    public void Four_runs_with_the_rules_batches_rates_and_noise(int batch, int seed)
    {
        var runs = BatchRule.Compare(batch, 0.05, 400, seed);
        Assert.Equal([batch, 2 * batch, 2 * batch, 4 * batch], runs.Select(r => r.Batch));
        Assert.Equal([0.05, 0.05, 0.05 * Math.Sqrt(2), 0.1], runs.Select(r => r.Lr));
        Assert.Equal(4 / Math.Sqrt(batch), runs[0].Noise, 12);
        Assert.Equal(runs[0].Noise / 2, runs[3].Noise, 12);
        Assert.All(runs, r => Assert.Equal(401, r.Run.Steps.Count));
    }

    [Fact]
    public void A_bigger_batch_lowers_the_noise_floor_and_the_jitter_on_average_over_seeds()
    {
        var seeds = Enumerable.Range(0, 8).Select(s => BatchRule.Compare(1, 0.05, 400, s)).ToArray();
        double Mean(Func<IReadOnlyList<BatchRun>, double> pick) => seeds.Average(pick);
        var floor1 = Mean(r => r[0].EndLoss);
        var floor2 = Mean(r => r[1].EndLoss);
        var jitter1 = Mean(r => r[0].Jitter);
        var jitter2 = Mean(r => r[1].Jitter);

        // Same rate, half the gradient variance: the stationary loss roughly halves, the steps shrink by about √2.
        Assert.InRange(floor2 / floor1, 0.3, 0.75);
        Assert.InRange(jitter2 / jitter1, 0.55, 0.85);

        // The √2 rule: a larger rate on the larger batch still sits below the baseline's noise floor.
        Assert.True(Mean(r => r[2].EndLoss) < floor1);
    }

    [Fact]
    public void Panel_shows_the_four_runs_and_changes_the_batch()
    {
        var changes = new List<int>();
        var panel = Render<BatchPanel>(p => p.Add(c => c.Batch, 2).Add(c => c.Steps, 100).Add(c => c.OnBatchChange, b => changes.Add(b)));
        Assert.Equal(4, panel.FindAll("[data-testid=batch-table] tbody tr").Count);
        Assert.Contains("(the rule)", panel.Find("[data-testid=batch-table]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(panel.Find("canvas[data-testid=batch-chart]"));
        Assert.Contains("σ = 4/√2 = 2.83", panel.Find(".noise").TextContent, StringComparison.Ordinal);
        panel.Find("[data-testid=batch-double]").Click();
        panel.Find("[data-testid=batch-size]").Change("16");
        Assert.Equal([4, 16], changes);
        Assert.Equal(16, panel.Instance.Runs[0].Batch);
    }
}
