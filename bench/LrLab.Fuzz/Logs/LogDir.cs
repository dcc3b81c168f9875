using System.Globalization;
using System.Text.Json;
using CsCheck;
using LrLab.Cli;

namespace LrLab.Fuzz.Logs;

/// <summary>
/// A TensorBoard logdir given to `lrlab diagnose DIR`: runs in nested folders (each folder holding event files is one
/// run; a run restarted mid-way has two files), a stray text file and an empty folder beside them, and maybe one
/// damaged file. Written to a temporary folder and read by the real command.
/// </summary>
public sealed record LogDir(IReadOnlyList<(string Path, IReadOnlyList<byte[]> Files)> Runs, bool Damaged)
{
    private static readonly string[] _segments = ["lr0.1", "lr1e-3", "sgd", "adam", "run 1", "été", "a.b", "seed=3"];

    public static Gen<LogDir> Gen { get; } =
        CsCheck.Gen.Select(
            CsCheck.Gen.Select(CsCheck.Gen.OneOf<string>(_segments).Array[1, 3], EventLogs.File.Array[1, 2]).Array[1, 3],
            CsCheck.Gen.Int[0, 3],
            CsCheck.Gen.Int[0, int.MaxValue],
            Damage.Events)
        .Select((runs, damage, which, damaged) =>
        {
            var byPath = runs
                .Select(r => (Path: string.Join('/', r.Item1), Files: (IReadOnlyList<byte[]>)[.. r.Item2.Select(f => f.Bytes)]))
                .DistinctBy(r => r.Path, StringComparer.Ordinal)
                .ToList();
            var broken = damage == 0;
            if (broken)
            {
                var run = which % byPath.Count;
                var files = byPath[run].Files.ToList();
                files[which % files.Count] = damaged.Bytes;
                byPath[run] = (byPath[run].Path, files);
            }

            return new LogDir(byPath, broken);
        });

    /// <summary>`lrlab diagnose DIR --format json`: every run found under its folder's name, or exit 2 with one line; never an internal failure.</summary>
    public void Check()
    {
        var root = Path.Combine(Path.GetTempPath(), "lrlab-fuzz-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var (path, files) in Runs)
            {
                var folder = Path.Combine(root, path);
                Directory.CreateDirectory(folder);
                for (var i = 0; i < files.Count; i++)
                {
                    File.WriteAllBytes(Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"events.out.tfevents.{1_765_000_000 + i}.lab")), files[i]);
                }
            }

            Directory.CreateDirectory(Path.Combine(root, "empty"));
            File.WriteAllText(Path.Combine(root, "notes.txt"), "lr sweep\n");
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var exit = LrLabCli.Run(["diagnose", root, "--format", "json"], stdout, stderr);
            var error = stderr.ToString().TrimEnd('\n');
            if (exit == LrLabCli.BadInput && Damaged)
            {
                Notices.IsOneLine(error);
                FuzzException.Unless(error.StartsWith("error: " + root, StringComparison.Ordinal) && (error.Contains(": byte ", StringComparison.Ordinal) || error.Contains("--tag", StringComparison.Ordinal)), $"the logdir error names no file and byte: {error}");
                return;
            }

            FuzzException.Unless(exit == 0, $"lrlab diagnose DIR exited {exit}: {error}");
            using var json = JsonDocument.Parse(stdout.ToString());
            if (Runs.Count == 1)
            {
                FuzzException.Unless(json.RootElement.TryGetProperty("verdict", out _), "one run, but no diagnosis");
                return;
            }

            var sources = json.RootElement.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("source").GetString()).Order(StringComparer.Ordinal);
            FuzzException.Unless(sources.SequenceEqual(Runs.Select(r => r.Path).Order(StringComparer.Ordinal)), $"the runs found are not the run folders: {string.Join(", ", sources)}");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    public override string ToString() =>
        $"logdir{(Damaged ? " (one file damaged)" : string.Empty)}: " + string.Join("; ", Runs.Select(r => $"{r.Path}: {string.Join(", ", r.Files.Select(f => Convert.ToHexString(f.Length > 200 ? f[..200] : f)))}"));
}
