namespace LrLab.Fuzz;

/// <summary>
/// One input path under fuzzing: <paramref name="Check"/> draws <c>iterations</c> random inputs (CsCheck, shrinking a
/// failure to a small reproducer) and throws on the first one that breaks a property.
/// </summary>
/// <param name="Name">Short name used by the CI test and the bench run.</param>
/// <param name="Input">What is fuzzed, in a few words (docs/fuzzing.md).</param>
/// <param name="Check">Runs the target: iterations, an optional CsCheck seed to replay, and a time limit in seconds (-1: none; the cases run are then counted by <see cref="Slowest"/>).</param>
public sealed record FuzzTarget(string Name, string Input, Action<long, string?, int> Check)
{
    /// <inheritdoc />
    public override string ToString() => Name;
}
