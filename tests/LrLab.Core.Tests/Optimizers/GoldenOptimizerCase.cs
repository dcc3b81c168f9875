using System.Text.Json;
using LrLab.Core.Optimizers;

namespace LrLab.Core.Tests.Optimizers;

/// <summary>One case of Golden/optimizers.json (written by tools/golden_optimizers.py).</summary>
internal sealed record GoldenOptimizerCase(
    string Id,
    string Function,
    string Optimizer,
    OptimizerOptions Options,
    double[] Start,
    int Steps,
    double[]? Lrs,
    double[][] Params,
    double[] Losses)
{
    private static readonly Lazy<IReadOnlyDictionary<string, GoldenOptimizerCase>> _cases = new(Load);

    public static IReadOnlyDictionary<string, GoldenOptimizerCase> All => _cases.Value;

    private static Dictionary<string, GoldenOptimizerCase> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Golden", "optimizers.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var cases = new Dictionary<string, GoldenOptimizerCase>(StringComparer.Ordinal);
        foreach (var c in document.RootElement.GetProperty("cases").EnumerateArray())
        {
            var id = c.GetProperty("id").GetString()!;
            cases.Add(id, new GoldenOptimizerCase(
                id,
                c.GetProperty("function").GetString()!,
                c.GetProperty("optimizer").GetString()!,
                PyTorchHyperparameters.FromJson(c.GetProperty("hyper")),
                Doubles(c.GetProperty("start")),
                c.GetProperty("steps").GetInt32(),
                c.TryGetProperty("lrs", out var lrs) ? Doubles(lrs) : null,
                [.. c.GetProperty("params").EnumerateArray().Select(Doubles)],
                Doubles(c.GetProperty("losses"))));
        }

        return cases;
    }

    private static double[] Doubles(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetDouble())];
}
