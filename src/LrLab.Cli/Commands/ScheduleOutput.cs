namespace LrLab.Cli.Commands;

/// <summary>Result of `lrlab schedule`: <c>Lr[t]</c> is the rate update t uses.</summary>
internal sealed record ScheduleOutput(string Spec, double BaseLr, int Steps, string Python, IReadOnlyList<double> Lr);
