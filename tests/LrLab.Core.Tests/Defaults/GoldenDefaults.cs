using System.Globalization;
using System.Text.Json;

namespace LrLab.Core.Tests.Defaults;

/// <summary>One parameter of a PyTorch constructor as Golden/defaults.json (tools/pytorch_defaults.py) records it.</summary>
public sealed record GoldenParameter(string Name, bool Required, JsonElement Default, string? Type, string? Repr);

/// <summary>PyTorch 1.13's signatures of the mirrored optimizers and schedulers, read from Golden/defaults.json.</summary>
public static class GoldenDefaults
{
    private static readonly Lazy<JsonDocument> _doc = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "defaults.json"))));

    /// <summary>Class name → its parameters (without params/optimizer) in signature order.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<GoldenParameter>> Optimizers => Family("optimizers");

    /// <summary>Class name → its parameters (without the optimizer) in signature order.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<GoldenParameter>> Schedulers => Family("schedulers");

    private static Dictionary<string, IReadOnlyList<GoldenParameter>> Family(string family) =>
        _doc.Value.RootElement.GetProperty(family).EnumerateArray().ToDictionary(
            c => c.GetProperty("name").GetString()!,
            c => (IReadOnlyList<GoldenParameter>)[.. c.GetProperty("parameters").EnumerateArray().Select(Parameter)],
            StringComparer.Ordinal);

    private static GoldenParameter Parameter(JsonElement p) => new(
        p.GetProperty("name").GetString()!,
        p.GetProperty("required").GetBoolean(),
        p.TryGetProperty("default", out var d) ? d.Clone() : default,
        p.TryGetProperty("type", out var t) ? t.GetString() : null,
        p.TryGetProperty("repr", out var r) ? r.GetString() : null);

    /// <summary>
    /// Null when <paramref name="ours"/> agrees with PyTorch's <paramref name="golden"/>, else what differs. Types
    /// must agree too, with one allowance: a parameter we read as a float may have an int default in PyTorch
    /// (<c>eta_min=0</c>), since a float parameter accepts an int; never the other way round.
    /// </summary>
    public static string? Disagreement(ParameterDefault ours, GoldenParameter golden)
    {
        if (ours.IsRequired || golden.Required)
        {
            return ours.IsRequired == golden.Required ? null : $"required: ours {ours.IsRequired}, PyTorch {golden.Required}";
        }

        var same = (golden.Type, ours.Value) switch
        {
            ("NoneType", null) => true,
            ("bool", bool b) => golden.Default.GetBoolean() == b,
            ("str", string s) => golden.Default.GetString() == s,
            ("int", int i) => golden.Default.GetInt32() == i,
            ("int", double d) => golden.Default.GetInt32() == d,
            ("float", double d) => golden.Default.GetDouble().Equals(d),
            ("tuple", IReadOnlyList<double> t) => golden.Default.EnumerateArray().Select(e => e.GetDouble()).SequenceEqual(t),
            _ => false,
        };
        if (!same)
        {
            return $"default: ours {ours.Text} ({ours.Value?.GetType().Name ?? "None"}), PyTorch {golden.Repr} ({golden.Type})";
        }

        var exactType = (golden.Type, ours.Value) is ("int", double) == false;
        return exactType && ours.Text != golden.Repr
            ? string.Create(CultureInfo.InvariantCulture, $"text: ours {ours.Text}, PyTorch's repr {golden.Repr}")
            : null;
    }
}
