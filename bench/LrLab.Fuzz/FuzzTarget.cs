namespace LrLab.Fuzz;

/// <summary>
/// One input path under fuzzing: <paramref name="Check"/> draws <c>iterations</c> random inputs (CsCheck, shrinking a
/// failure to a small reproducer) and throws on the first one that breaks a property.
/// </summary>
/// <param name="Name">Short name used by the CI test and the bench run.</param>
/// <param name="Input">What is fuzzed, in a few words (docs/fuzzing.md).</param>
/// <param name="Check">Runs the target: iterations, then an optional CsCheck seed to replay.</param>
public sealed record FuzzTarget(string Name, string Input, Action<long, string?> Check)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}
