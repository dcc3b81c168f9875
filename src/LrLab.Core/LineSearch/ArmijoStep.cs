namespace LrLab.Core.LineSearch;

/// <summary>The probes of one update and the step committed.</summary>
/// <param name="Step">The update this search decided (1 for the first update).</param>
/// <param name="Alpha">The step length committed; 0 when no probe lowered the loss and the point stayed.</param>
/// <param name="Satisfied">Whether a probe met the Armijo condition within the allowed number of probes.</param>
/// <param name="Probes">Every point tried, in order (largest step first).</param>
public sealed record ArmijoStep(int Step, double Alpha, bool Satisfied, IReadOnlyList<LineSearchProbe> Probes);
