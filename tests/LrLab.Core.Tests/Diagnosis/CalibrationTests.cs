using System.Text.Json;
using LrLab.Core.Diagnosis;
using Xunit.Abstractions;

namespace LrLab.Core.Tests.Diagnosis;

public sealed class CalibrationTests(ITestOutputHelper output)
{
    public static TheoryData<string> Files => [.. CalibrationSet.Cases.Select(c => c.File)];

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_calibration_log_gets_the_verdict_its_outcome_implies(string file)
    {
        var expected = CalibrationSet.Cases.Single(c => c.File == file);
        var diagnosis = Diagnoser.Diagnose(CalibrationSet.Read(file), expected.Lr);
        output.WriteLine($"{file}: {diagnosis.Verdict} {diagnosis.Pattern}; {expected.Note}");
        output.WriteLine(diagnosis.Explanation);
        Assert.Equal(expected.Verdict, Wire(diagnosis.Verdict));
    }

    private static string Wire<T>(T value) => JsonSerializer.Serialize(value).Trim('"');
}
