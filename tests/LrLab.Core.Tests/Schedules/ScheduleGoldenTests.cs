using System.Text.RegularExpressions;
using LrLab.Core.Schedules;

namespace LrLab.Core.Tests.Schedules;

/// <summary>Every schedule against the rates PyTorch 1.13 actually produced.</summary>
public sealed partial class ScheduleGoldenTests
{
    private const double RelTol = 1e-12;

    public static TheoryData<string> CaseIds => GoldenSchedules.Ids();

    [Fact]
    public void Fixture_has_enough_cases()
    {
        Assert.True(GoldenSchedules.Count >= 50, $"only {GoldenSchedules.Count} golden cases");
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Rates_match_pytorch(string id)
    {
        var c = GoldenSchedules.Get(id);
        var parsed = ScheduleSpec.Parse(c.Spec);
        for (var t = 0; t < c.Rates.Length; t++)
        {
            var actual = parsed.NeedsMetrics
                ? parsed.MetricSchedule!.At(t, c.BaseLr, c.Metrics)
                : parsed.Schedule!.At(t, c.BaseLr);
            AssertClose(c.Rates[t], actual, $"{id} step {t}", c.BaseLr);
        }
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Spec_round_trips(string id)
    {
        var c = GoldenSchedules.Get(id);
        var first = ScheduleSpec.Parse(c.Spec);
        var spec = first.ToSpec();
        var second = ScheduleSpec.Parse(spec);
        Assert.Equal(spec, second.ToSpec());
        Assert.Equal(first.ClassName, second.ClassName);
        for (var t = 0; t < c.Rates.Length; t++)
        {
            var a = first.NeedsMetrics ? first.MetricSchedule!.At(t, c.BaseLr, c.Metrics) : first.Schedule!.At(t, c.BaseLr);
            var b = second.NeedsMetrics ? second.MetricSchedule!.At(t, c.BaseLr, c.Metrics) : second.Schedule!.At(t, c.BaseLr);
            Assert.Equal(a, b);
        }
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Python_names_the_class_and_every_parameter(string id)
    {
        var parsed = ScheduleSpec.Parse(GoldenSchedules.Get(id).Spec);
        var python = parsed.ToPython();
        var spec = parsed.ToSpec();
        Assert.Contains($"scheduler = torch.optim.lr_scheduler.{parsed.ClassName}(optimizer", python, StringComparison.Ordinal);
        foreach (Match m in ScheduleName().Matches(spec))
        {
            Assert.Contains($"torch.optim.lr_scheduler.{m.Groups[1].Value}(optimizer", python, StringComparison.Ordinal);
        }

        foreach (Match m in Argument().Matches(spec))
        {
            Assert.Contains(m.Value, python, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Relative agreement to 1e-12. A relative test is meaningless at exactly 0 (a schedule that ends at
    /// 0 may reach it as 0 in one form and as 1e-18 in the other), so values below 1e-15 of the base rate
    /// count as zero.
    /// </summary>
    internal static void AssertClose(double expected, double actual, string where, double scale = 1.0)
    {
        var diff = Math.Abs(expected - actual);
        var ok = diff <= RelTol * Math.Max(Math.Abs(expected), Math.Abs(actual))
            || (Math.Abs(expected) <= 1e-15 * scale && Math.Abs(actual) <= 1e-15 * scale);
        Assert.True(ok, $"{where}: expected {expected:R}, got {actual:R} (relative error {diff / Math.Abs(expected):E2})");
    }

    [GeneratedRegex(@"(\w+)\(")]
    private static partial Regex ScheduleName();

    [GeneratedRegex(@"\w+=('[^']*'|[-+\w.]+|\[[-+\d,\s]*\])")]
    private static partial Regex Argument();
}
