namespace LrLab.Fuzz;

/// <summary>Every input path a user or a link can reach.</summary>
public static class FuzzTargets
{
    /// <summary>Cases per target in CI (./test.sh).</summary>
    public const long CiIterations = 10_000;

    /// <summary>Cases per target in the bench run (docs/fuzzing.md).</summary>
    public const long BenchIterations = 1_000_000;

    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        FormulaTarget.Target,
        ScheduleTarget.Target,
        LossLogTarget.Target,
        LabLinkTarget.Target,
        SchedulesLinkTarget.Target,
        FinderLinkTarget.Target,
        LessonLinkTarget.Target,
        EdgeLinkTarget.Target,
    ];

    public static FuzzTarget Named(string name) => All.First(t => t.Name == name);
}
