using LrLab.Core.Schedules;

namespace LrLab.Core.Tests.Schedules;

public sealed class SchedulePresetTests
{
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var p in SchedulePresets.All)
        {
            data.Add(p.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Preset_parses_round_trips_and_stays_positive(string name)
    {
        var preset = SchedulePresets.All.Single(p => p.Name == name);
        var schedule = preset.Parse();
        Assert.Equal(schedule.ToSpec(), ScheduleSpec.Parse(schedule.ToSpec()).ToSpec());
        Assert.False(string.IsNullOrWhiteSpace(preset.Description));
        for (var t = 0; t < preset.Steps; t++)
        {
            var lr = schedule.At(t, preset.BaseLr);
            Assert.True(lr > 0 && lr <= 0.1 + 1e-15, $"{name} step {t}: {lr}");
        }
    }

    [Theory]
    [InlineData(0, 0.01)]
    [InlineData(29, 0.01)]
    [InlineData(30, 0.001)]
    [InlineData(59, 0.001)]
    [InlineData(60, 0.0001)]
    [InlineData(89, 0.0001)]
    public void Step_decay_follows_the_lesson(int step, double expected)
    {
        var p = SchedulePresets.StepDecay;
        ScheduleGoldenTests.AssertClose(expected, p.Parse().At(step, p.BaseLr), $"step {step}");
    }

    [Fact]
    public void Exponential_keeps_about_sixty_percent_after_ten()
    {
        var p = SchedulePresets.Exponential;
        Assert.InRange(p.Parse().At(10, p.BaseLr) / p.BaseLr, 0.59, 0.61);
    }

    [Fact]
    public void Warmup_reaches_the_base_at_5_and_the_floor_at_100()
    {
        var p = SchedulePresets.WarmupCosine;
        var s = p.Parse();
        Assert.True(s.At(0, p.BaseLr) < s.At(4, p.BaseLr));
        ScheduleGoldenTests.AssertClose(0.01, s.At(5, p.BaseLr), "step 5");
        ScheduleGoldenTests.AssertClose(0.0001, s.At(100, p.BaseLr), "step 100");
    }

    [Fact]
    public void One_cycle_peaks_at_max_lr_and_ends_far_below_the_start()
    {
        var p = SchedulePresets.OneCycle;
        var s = p.Parse();
        var rates = Enumerable.Range(0, p.Steps).Select(t => s.At(t, p.BaseLr)).ToArray();
        ScheduleGoldenTests.AssertClose(0.1, rates.Max(), "peak");
        Assert.True(rates[^1] < rates[0] / 100);
    }
}
