using LrLab.Fuzz;

namespace LrLab.Web.Tests.Fuzz;

/// <summary>
/// Every fuzz target (bench/LrLab.Fuzz: formulas, schedule specs × steps, loss logs, each page's links) for 10,000
/// random cases per CI run; `dotnet run --project bench/LrLab.Fuzz` runs a million (docs/fuzzing.md). A failure shows
/// CsCheck's shrunk input and the seed that replays it.
/// </summary>
public sealed class FuzzTargetTests
{
    public static TheoryData<string> Targets => [.. FuzzTargets.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Targets))]
    public void Target_holds_for_ten_thousand_random_cases(string name) =>
        FuzzTargets.Named(name).Check(FuzzTargets.CiIterations, null, -1);
}
