using System.Text.Json;

namespace LrLab.Core.Tests.Finder;

/// <summary>One case of Golden/finder.json (written by tools/golden_finder.py with PyTorch 1.13).</summary>
internal sealed record GoldenFinderCase(
    string Id,
    string Surface,
    string Optimizer,
    double StartLr,
    double EndLr,
    int NumIter,
    string Mode,
    double Beta,
    double Threshold,
    double[] Lrs,
    double[] Losses,
    double[] Smoothed,
    string Stop,
    double? SuggestedLr,
    string Method)
{
    private static readonly Lazy<IReadOnlyDictionary<string, GoldenFinderCase>> _cases = new(Load);

    public static IReadOnlyDictionary<string, GoldenFinderCase> All => _cases.Value;

    private static Dictionary<string, GoldenFinderCase> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Golden", "finder.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var cases = new Dictionary<string, GoldenFinderCase>(StringComparer.Ordinal);
        foreach (var c in document.RootElement.GetProperty("cases").EnumerateArray())
        {
            var id = c.GetProperty("id").GetString()!;
            var suggested = c.GetProperty("suggestedLr");
            cases.Add(id, new GoldenFinderCase(
                id,
                c.GetProperty("surface").GetString()!,
                c.GetProperty("optimizer").GetString()!,
                c.GetProperty("startLr").GetDouble(),
                c.GetProperty("endLr").GetDouble(),
                c.GetProperty("numIter").GetInt32(),
                c.GetProperty("mode").GetString()!,
                c.GetProperty("beta").GetDouble(),
                c.GetProperty("threshold").GetDouble(),
                Doubles(c.GetProperty("lrs")),
                Doubles(c.GetProperty("losses")),
                Doubles(c.GetProperty("smoothed")),
                c.GetProperty("stop").GetString()!,
                suggested.ValueKind == JsonValueKind.Null ? null : suggested.GetDouble(),
                c.GetProperty("method").GetString()!));
        }

        return cases;
    }

    private static double[] Doubles(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetDouble())];
}
