using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using LrLab.Cli.Commands;
using LrLab.Core;
using LrLab.Core.Simulation;
using LrLab.Core.Sweep;
using LrLab.Core.Training;

namespace LrLab.Cli.Output;

/// <summary>
/// Source-generated JSON for every CLI result. Use <see cref="Readable"/>: camelCase names, indented,
/// NaN/Infinity written as strings (a blown-up run legitimately ends on a non-finite loss), and Greek
/// letters left as they are (α, not \u03B1).
/// </summary>
[JsonSerializable(typeof(Trajectory))]
[JsonSerializable(typeof(SurfaceRow[]))]
[JsonSerializable(typeof(ScheduleOutput))]
[JsonSerializable(typeof(TrainingResult))]
[JsonSerializable(typeof(LrLab.Core.Finder.FinderResult))]
[JsonSerializable(typeof(LrLab.Core.Diagnosis.Diagnosis))]
[JsonSerializable(typeof(LrLab.Core.Diagnosis.EvidenceKind))]
[JsonSerializable(typeof(LrLab.Core.Diagnosis.SuggestedAction))]
[JsonSerializable(typeof(LrLab.Core.Diagnosis.LossLogFormat))]
[JsonSerializable(typeof(Verdict))]
[JsonSerializable(typeof(Pattern))]
[JsonSerializable(typeof(SweepResult))]
[JsonSerializable(typeof(SweepComparison))]
internal sealed partial class CliJson : JsonSerializerContext
{
    private static readonly Lazy<CliJson> _readable = new(() => new CliJson(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    }));

    /// <summary>The context every command serializes with.</summary>
    public static CliJson Readable => _readable.Value;
}
