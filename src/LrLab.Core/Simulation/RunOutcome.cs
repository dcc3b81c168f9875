using LrLab.Core.LineSearch;

namespace LrLab.Core.Simulation;

/// <summary>How a run ended: the update that blew up (if any) and, for line search asked for details, every update's probes.</summary>
internal readonly record struct RunOutcome(int? BlowUp, IReadOnlyList<ArmijoStep>? Searches);
