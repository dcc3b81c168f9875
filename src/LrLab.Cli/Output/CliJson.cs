using System.Text.Json.Serialization;
using LrLab.Cli.Commands;
using LrLab.Core.Simulation;

namespace LrLab.Cli.Output;

/// <summary>
/// Source-generated JSON for every CLI result: camelCase names, indented, and NaN/Infinity written as
/// strings because a blown-up run legitimately ends on a non-finite loss.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(Trajectory))]
[JsonSerializable(typeof(SurfaceRow[]))]
[JsonSerializable(typeof(ScheduleOutput))]
internal sealed partial class CliJson : JsonSerializerContext;
