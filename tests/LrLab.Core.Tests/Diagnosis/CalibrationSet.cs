using System.Text.Json;
using LrLab.Core.Diagnosis;

namespace LrLab.Core.Tests.Diagnosis;

/// <summary>The logs tools/calibration_logs.py wrote, with the verdict each run's outcome implies.</summary>
internal static class CalibrationSet
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Calibration");

    public static IReadOnlyList<CalibrationCase> Cases { get; } = Load();

    /// <summary>Held-out logs: not used to choose any rule or threshold.</summary>
    public static bool IsHeldOut(CalibrationCase c) => c.Origin is "holdout" or "fresh" or "blind" or "blind2";

    public static LossLog Read(string file)
    {
        using var reader = File.OpenText(Path.Combine(Folder, file));
        return LossLogParser.Parse(reader);
    }

    private static List<CalibrationCase> Load()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.json")));
        return [.. json.RootElement.GetProperty("cases").EnumerateArray().Select(c => new CalibrationCase(
            c.GetProperty("file").GetString()!,
            c.GetProperty("verdict").GetString()!,
            c.GetProperty("lr").ValueKind == JsonValueKind.Number ? c.GetProperty("lr").GetDouble() : null,
            c.GetProperty("origin").GetString()!,
            c.GetProperty("note").GetString()!))];
    }
}

internal sealed record CalibrationCase(string File, string Verdict, double? Lr, string Origin, string Note);
