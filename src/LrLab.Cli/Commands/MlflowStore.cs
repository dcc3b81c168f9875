using LrLab.Core.Diagnosis;

namespace LrLab.Cli.Commands;

/// <summary>
/// An MLflow file store on disk (<c>mlruns/&lt;experiment&gt;/&lt;run&gt;/</c>, as <c>mlflow.log_metric</c> writes it
/// without a tracking server): finds the runs under a folder and hands each one's files to <see cref="MlflowRun"/>.
/// Deleted runs (still on disk, marked in <c>meta.yaml</c>) and the <c>.trash</c> folder are skipped.
/// </summary>
internal static class MlflowStore
{
    /// <summary>The run folders under <paramref name="path"/> (itself included), in order.</summary>
    public static List<string> Runs(string path) =>
        [.. Directory.EnumerateFiles(path, "meta.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetDirectoryName(f)!)
            .Where(d => Directory.Exists(Path.Combine(d, "metrics")))
            .Where(d => !Path.GetRelativePath(path, d).Split(Path.DirectorySeparatorChar).Contains(".trash"))
            .Order(StringComparer.Ordinal)];

    public static List<(string Source, LossLog Log)> Read(string path, IReadOnlyList<string> runDirs, LossLogOptions options)
    {
        var runs = new List<(string Experiment, string Name, string Id, LossLog Log)>();
        foreach (var dir in runDirs)
        {
            var meta = ReadOptional(Path.Combine(dir, "meta.yaml"));
            if (MlflowRun.IsDeleted(meta))
            {
                continue;
            }

            var id = Path.GetFileName(dir);
            var name = ReadOptional(Path.Combine(dir, "tags", "mlflow.runName"))?.Trim() is { Length: > 0 } tag ? tag : MlflowRun.MetaValue(meta, "run_name") is { Length: > 0 } named ? named : id;
            var metricsDir = Path.Combine(dir, "metrics");
            var metrics = Directory.EnumerateFiles(metricsDir, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(metricsDir, f).Replace(Path.DirectorySeparatorChar, '/'))
                .Order(StringComparer.Ordinal)
                .ToList();
            var paramsDir = Path.Combine(dir, "params");
            var parameters = Directory.Exists(paramsDir)
                ? Directory.EnumerateFiles(paramsDir).ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal)
                : [];
            var experimentDir = Path.GetDirectoryName(dir);
            var experiment = experimentDir is null ? string.Empty : MlflowRun.MetaValue(ReadOptional(Path.Combine(experimentDir, "meta.yaml")), "name") ?? Path.GetFileName(experimentDir);
            var log = LogSources.WithFile(dir, () => MlflowRun.Read(metrics, key => File.OpenText(Path.Combine(metricsDir, key)), parameters, name, options));
            runs.Add((experiment, name, id, log));
        }

        if (runs.Count == 0)
        {
            throw new Core.InputException($"file: the MLflow runs under '{path}' are all deleted");
        }

        var experiments = runs.Select(r => r.Experiment).Distinct().Count();
        return [.. runs.Select(r =>
        {
            var label = experiments > 1 ? $"{r.Experiment}/{r.Name}" : r.Name;
            return (runs.Count(o => o.Name == r.Name && o.Experiment == r.Experiment) > 1 ? $"{label} ({r.Id[..Math.Min(8, r.Id.Length)]})" : label, r.Log);
        })];
    }

    private static string? ReadOptional(string file) => File.Exists(file) ? File.ReadAllText(file) : null;
}
