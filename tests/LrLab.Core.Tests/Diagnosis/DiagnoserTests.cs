using LrLab.Core.Diagnosis;

namespace LrLab.Core.Tests.Diagnosis;

public sealed class DiagnoserTests
{
    public static TheoryData<double[], double?, Verdict, Pattern, SuggestedAction, double> SpecCases => new()
    {
        { [0.8, 0.5, 0.4, 0.38, 0.37], 0.1, Verdict.JustRight, Pattern.Smooth, SuggestedAction.Keep, 1 },
        { [0.8, 1.5, 3.2, 8.7, double.NaN], 1.0, Verdict.TooLarge, Pattern.Nan, SuggestedAction.Decrease, 0.01 },
        { [0.5001, 0.5000, 0.4999], null, Verdict.TooSmall, Pattern.Crawling, SuggestedAction.Increase, 10 },
        { [0.5, 0.3, 0.8, 0.2, 1.5], null, Verdict.TooLarge, Pattern.Oscillating, SuggestedAction.Decrease, 0.1 },
        { [0.8, 1.5, 3.2, 8.7], null, Verdict.TooLarge, Pattern.Diverging, SuggestedAction.Decrease, 0.01 },
        { [0.8, 1.5, 3.2, 8.7, double.PositiveInfinity], null, Verdict.TooLarge, Pattern.Diverging, SuggestedAction.Decrease, 0.01 },
        { [1.0, 0.55, 0.9, 0.45, 0.8, 0.4, 0.7, 0.35, 0.6, 0.32], null, Verdict.TooLarge, Pattern.Oscillating, SuggestedAction.Decrease, 0.5 },
        { [2.3, 2.3, 2.3, 2.3, 2.3], null, Verdict.TooSmall, Pattern.Plateau, SuggestedAction.Increase, 10 },
        { [0.8, 0.5], null, Verdict.Inconclusive, Pattern.Smooth, SuggestedAction.Keep, 1 },
    };

    [Theory]
    [MemberData(nameof(SpecCases))]
    public void Spec_sequences_get_their_verdict_pattern_and_suggestion(double[] losses, double? lr, Verdict verdict, Pattern pattern, SuggestedAction action, double factor)
    {
        var diagnosis = Diagnoser.Diagnose(losses, lr);
        Assert.Equal(verdict, diagnosis.Verdict);
        Assert.Equal(pattern, diagnosis.Pattern);
        Assert.Equal(action, diagnosis.Suggestion.Action);
        Assert.Equal(factor, diagnosis.Suggestion.Factor);
        Assert.False(string.IsNullOrWhiteSpace(diagnosis.Explanation));
    }

    [Fact]
    public void A_long_falling_log_that_zigzags_step_to_step_is_too_large_and_oscillating()
    {
        // Every move reverses direction while the trend falls: overshooting updates, not mini-batch noise.
        var random = new Random(7);
        var losses = Enumerable.Range(0, 2000).Select(t => ((2.3 * Math.Exp(-t / 500.0)) + 0.1) * (1 + (0.6 * (t % 2 == 0 ? -1 : 1) * random.NextDouble()))).ToArray();
        var diagnosis = Diagnoser.Diagnose(losses, 0.1);
        Assert.Equal(Verdict.TooLarge, diagnosis.Verdict);
        Assert.Equal(Pattern.Oscillating, diagnosis.Pattern);
        Assert.Equal([0.05, 0.02], diagnosis.Suggestion.Rates);
        Assert.Contains(diagnosis.Evidence, e => e.Kind == EvidenceKind.Bounce && e.Finding.Contains("changed direction", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_long_falling_log_with_independent_noise_is_just_right_and_smooth(int seed)
    {
        // The same trend with random multiplicative noise: about two thirds of the moves reverse, as noise does.
        var random = new Random(seed);
        var losses = Enumerable.Range(0, 2000).Select(t => ((2.3 * Math.Exp(-t / 500.0)) + 0.1) * Math.Exp(0.3 * ((random.NextDouble() + random.NextDouble() + random.NextDouble()) - 1.5))).ToArray();
        var diagnosis = Diagnoser.Diagnose(losses);
        Assert.Equal(Verdict.JustRight, diagnosis.Verdict);
        Assert.Equal(Pattern.Smooth, diagnosis.Pattern);
    }

    [Fact]
    public void Diverged_practice_problem_at_lr_1_suggests_0_01_or_0_001_and_points_at_the_NaN()
    {
        var diagnosis = Diagnoser.Diagnose([0.8, 1.5, 3.2, 8.7, double.NaN], 1.0);
        Assert.Equal([0.01, 0.001], diagnosis.Suggestion.Rates);
        Assert.Contains("0.01 or 0.001", diagnosis.Suggestion.Text, StringComparison.Ordinal);
        var nan = Assert.Single(diagnosis.Evidence, e => e.Kind == EvidenceKind.NonFinite);
        Assert.Equal(4, nan.FromStep);
        Assert.Contains("NaN at step 4", nan.Finding, StringComparison.Ordinal);
        var rise = Assert.Single(diagnosis.Evidence, e => e.Kind == EvidenceKind.Rise);
        Assert.Equal((0, 3), (rise.FromIndex, rise.ToIndex));
        Assert.Contains("10.9×", rise.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public void Healthy_practice_problem_reports_the_front_loaded_fall()
    {
        var diagnosis = Diagnoser.Diagnose([0.8, 0.5, 0.4, 0.38, 0.37], 0.1);
        var drop = Assert.Single(diagnosis.Evidence, e => e.Kind == EvidenceKind.Drop);
        Assert.Contains("53.7 %", drop.Finding, StringComparison.Ordinal);
        Assert.Contains("70 %", drop.Finding, StringComparison.Ordinal);
        Assert.Equal([0.1], diagnosis.Suggestion.Rates);
    }

    [Fact]
    public void Crawl_reports_the_relative_improvement_per_step()
    {
        var diagnosis = Diagnoser.Diagnose([0.5001, 0.5000, 0.4999], 0.001);
        var slow = Assert.Single(diagnosis.Evidence, e => e.Kind == EvidenceKind.Slow);
        Assert.Contains("0.020 %", slow.Finding, StringComparison.Ordinal);
        Assert.Equal([0.01, 0.003], diagnosis.Suggestion.Rates);
    }

    /// <summary>The same shapes at mini-batch scale: 50,000 noisy values with a seeded generator.</summary>
    public static TheoryData<string, Verdict> NoisyShapes => new()
    {
        { "healthy", Verdict.JustRight },
        { "crawl", Verdict.TooSmall },
        { "flat", Verdict.TooSmall },
        { "dead", Verdict.TooLarge },
        { "exploding", Verdict.TooLarge },
    };

    [Theory]
    [MemberData(nameof(NoisyShapes))]
    public void Fifty_thousand_noisy_values_are_judged_like_their_shape(string shape, Verdict verdict)
    {
        var diagnosis = Diagnoser.Diagnose(NoisyLog(shape, 50_000, new Random(5)));
        Assert.Equal(verdict, diagnosis.Verdict);
        Assert.InRange(diagnosis.Smoothed.Count, 90, 110);
        Assert.Equal(500, diagnosis.Smoothing);
    }

    [Fact]
    public void A_single_bad_batch_in_a_healthy_run_does_not_change_the_verdict()
    {
        var losses = NoisyLog("healthy", 5_000, new Random(1));
        losses[3_000] = 40;
        Assert.Equal(Verdict.JustRight, Diagnoser.Diagnose(losses).Verdict);
    }

    [Fact]
    public void Evidence_ranges_use_the_logs_own_steps()
    {
        var log = new LossLog([0.8, 1.5, 3.2, 8.7, double.NaN], [100, 200, 300, 400, 500], LossLogFormat.Csv, "loss");
        var diagnosis = Diagnoser.Diagnose(log);
        Assert.Contains(diagnosis.Evidence, e => e.Kind == EvidenceKind.NonFinite && e.FromStep == 500 && e.FromIndex == 4);
        Assert.Contains("300 steps", diagnosis.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_or_zero_lr_is_rejected()
    {
        Assert.Throws<InputException>(() => Diagnoser.Diagnose([1.0, 0.5, 0.2], 0));
        Assert.Throws<InputException>(() => Diagnoser.Diagnose([1.0, 0.5, 0.2], double.NaN));
    }

    internal static double[] NoisyLog(string shape, int n, Random random)
    {
        var values = new double[n];
        for (var t = 0; t < n; t++)
        {
            var noise = Gaussian(random);
            values[t] = shape switch
            {
                "healthy" => 0.1 + (2.2 * Math.Exp(-t / (n / 10.0))) + (0.08 * noise),
                "crawl" => 2.3 - (0.3 * t / n) + (0.05 * noise),
                "flat" => 2.3 + (0.02 * noise),
                "dead" => t < 5 ? new[] { 2.3, 9.0, 40.0, 12.0, 4.0 }[t] : 2.302 + (0.01 * Math.Abs(noise)),
                _ => (2.0 * Math.Exp(5.0 * t / n)) + (0.1 * noise),
            };
        }

        return values;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
