using CsCheck;

namespace LrLab.Fuzz;

/// <summary>A generated link: its query string and the keys whose every value is one that must earn a notice.</summary>
/// <param name="Query">The query string as the address bar holds it.</param>
/// <param name="BadKeys">Keys whose value is wrong for every parameter.</param>
public sealed record Link(string Query, IReadOnlyList<string> BadKeys)
{
    /// <inheritdoc />
    public override string ToString() => Query;

    /// <summary>Links over <paramref name="keys"/>: mostly real keys with hostile values, a few known-bad values, some garbage.</summary>
    public static Gen<Link> Over(string[] keys) => Gen.Frequency(
        (12, Gen.Select(Gen.OneOf<string>(keys), Gen.Frequency((5, Hostile.Value.Select(v => (v, false))), (1, Gen.OneOf<string>(Hostile.BadEverywhere).Select(v => (v, true)))), Gen.Int[0, 4])
            .Array[0, 8].Select(Build)),
        (1, Gen.String.Select(s => new Link(s, []))),
        (1, Gen.Char["?&=%+,:abcdefghijklmnopqrstuvwxyz0123456789.-_"].Array[0, 60].Select(c => new Link(new string(c), []))));

    /// <summary>Whether some notice names <paramref name="key"/> (as "key:" or "key '…'" or in a sentence).</summary>
    public static bool Named(IEnumerable<string> notices, string key) =>
        notices.Any(n => n.Contains(key, StringComparison.OrdinalIgnoreCase));

    private static Link Build((string Key, (string Value, bool Bad) Value, int How)[] pairs)
    {
        var last = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        var parts = new List<string>();
        var fragment = false;
        foreach (var (key, (value, bad), how) in pairs)
        {
            var part = key + "=" + Hostile.Escape(value, how);
            parts.Add(part);
            // A raw '#' starts the fragment: what follows is not in the query, so no page can name those keys.
            fragment |= part.Contains('#', StringComparison.Ordinal);
            // A key given twice is bad only when every value is: pages differ on whether the first or last one wins.
            last[key] = !fragment && bad && (!last.TryGetValue(key, out var before) || before);
        }

        var query = (pairs.Length % 2 == 0 ? "?" : string.Empty) + string.Join('&', parts);
        return new Link(query, [.. last.Where(p => p.Value).Select(p => p.Key)]);
    }
}
