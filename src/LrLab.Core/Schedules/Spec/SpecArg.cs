namespace LrLab.Core.Schedules.Spec;

/// <summary>One <c>name=value</c> pair of a spec or Python call, the value already formatted.</summary>
internal readonly record struct SpecArg(string Name, string Value);
