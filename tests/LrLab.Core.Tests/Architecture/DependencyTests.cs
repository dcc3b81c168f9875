using System.Text.RegularExpressions;

namespace LrLab.Core.Tests.Architecture;

/// <summary>Core's namespace graph, read from its sources, against the arrows docs/architecture.md allows.</summary>
public sealed partial class DependencyTests
{
    private static readonly string _root = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LrLab.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("LrLab.sln not found above the test assembly");
    }

    /// <summary>The "Allowed arrows" list: part → the parts it may use.</summary>
    private static Dictionary<string, HashSet<string>> Allowed()
    {
        var text = File.ReadAllText(Path.Combine(_root, "docs", "architecture.md"));
        var section = text[text.IndexOf("## Allowed arrows", StringComparison.Ordinal)..];
        var allowed = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (Match m in ArrowLine().Matches(section))
        {
            allowed[m.Groups[1].Value] = [.. Part().Matches(m.Groups[2].Value).Select(p => p.Groups[1].Value)];
        }

        return allowed;
    }

    /// <summary>Edges from each Core source file's part to the parts its usings and qualified names mention.</summary>
    private static Dictionary<string, HashSet<string>> Actual()
    {
        var core = Path.Combine(_root, "src", "LrLab.Core");
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var sources = Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();

        // The parts are the namespaces Core declares; LrLab.Core.ParameterDefault names a root type, not a part.
        var parts = sources.Select(text => PartOf(NamespaceLine().Match(text).Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
        foreach (var text in sources)
        {
            var from = PartOf(NamespaceLine().Match(text).Groups[1].Value);
            var edges = graph.TryGetValue(from, out var set) ? set : graph[from] = [];
            foreach (Match m in CoreReference().Matches(text))
            {
                var to = PartOf("LrLab.Core." + m.Groups[1].Value);
                if (to != from && to != "Root" && parts.Contains(to))
                {
                    edges.Add(to);
                }
            }
        }

        return graph;
    }

    // LrLab.Core.Schedules.Spec belongs to Schedules; LrLab.Core itself is the root vocabulary.
    private static string PartOf(string ns)
    {
        var rest = ns.StartsWith("LrLab.Core.", StringComparison.Ordinal) ? ns["LrLab.Core.".Length..] : string.Empty;
        return rest.Length == 0 ? "Root" : rest.Split('.')[0];
    }

    [Fact]
    public void Every_dependency_of_a_core_part_is_an_allowed_arrow()
    {
        var allowed = Allowed();
        var bad = new List<string>();
        foreach (var (from, targets) in Actual())
        {
            if (from == "Root")
            {
                bad.AddRange(targets.Select(t => $"Root → {t} (the root vocabulary uses no part)"));
                continue;
            }

            Assert.True(allowed.ContainsKey(from), $"part '{from}' is missing from docs/architecture.md's allowed arrows");
            bad.AddRange(targets.Where(t => !allowed[from].Contains(t)).Select(t => $"{from} → {t}"));
        }

        Assert.True(bad.Count == 0, "not allowed by docs/architecture.md: " + string.Join(", ", bad));
    }

    [Fact]
    public void The_allowed_arrows_have_no_cycle_and_name_only_known_parts()
    {
        var allowed = Allowed();
        Assert.True(allowed.Count >= 12, $"only {allowed.Count} parts parsed from docs/architecture.md");
        foreach (var target in allowed.Values.SelectMany(t => t))
        {
            Assert.True(allowed.ContainsKey(target), $"arrow to unknown part '{target}'");
        }

        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var part in allowed.Keys)
        {
            Visit(part, []);
        }

        void Visit(string part, List<string> path)
        {
            if (state.GetValueOrDefault(part) == 2)
            {
                return;
            }

            Assert.True(state.GetValueOrDefault(part) != 1, "cycle: " + string.Join(" → ", path.Append(part)));
            state[part] = 1;
            foreach (var next in allowed[part])
            {
                Visit(next, [.. path, part]);
            }

            state[part] = 2;
        }
    }

    [Fact]
    public void The_reader_sees_a_known_edge()
    {
        var actual = Actual();
        Assert.True(actual.TryGetValue("Simulation", out var edges) && edges.Contains("Theory"), _root + ": " + string.Join("; ", actual.Select(p => p.Key + " → " + string.Join(",", p.Value))));
    }

    [GeneratedRegex(@"^- `(\w+)` →(.*)$", RegexOptions.Multiline)]
    private static partial Regex ArrowLine();

    [GeneratedRegex(@"`(\w+)`")]
    private static partial Regex Part();

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"\bLrLab\.Core\.([A-Z]\w*)")]
    private static partial Regex CoreReference();
}
