using System.Text.Json;

namespace LrLab.Core.Tests.Schedules;

/// <summary>One case of Golden/schedules.json, written by tools/golden_schedules.py from real PyTorch.</summary>
public sealed record GoldenScheduleCase(string Id, string Spec, double BaseLr, double[] Rates, double[]? Metrics);

public static class GoldenSchedules
{
    private static readonly Lazy<IReadOnlyDictionary<string, GoldenScheduleCase>> _cases = new(Load);

    public static GoldenScheduleCase Get(string id) => _cases.Value[id];

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var id in _cases.Value.Keys)
        {
            data.Add(id);
        }

        return data;
    }

    public static int Count => _cases.Value.Count;

    private static Dictionary<string, GoldenScheduleCase> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Golden", "schedules.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
        return doc.RootElement.GetProperty("cases").EnumerateArray()
            .Select(e => e.Deserialize<GoldenScheduleCase>(options)!)
            .ToDictionary(c => c.Id, StringComparer.Ordinal);
    }
}
