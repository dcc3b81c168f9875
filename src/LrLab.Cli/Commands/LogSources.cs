using LrLab.Core;
using LrLab.Core.Diagnosis;

namespace LrLab.Cli.Commands;

/// <summary>
/// Turns a command-line path into runs: standard input, a file (whatever its format; a W&amp;B export may hold several
/// runs), or a directory: an MLflow file store (<c>mlruns/</c>, an experiment or one run: each folder with a
/// <c>meta.yaml</c> and a <c>metrics</c> folder is one run) or a TensorBoard logdir (each folder holding
/// <c>events.out.tfevents.*</c> files is one run).
/// </summary>
internal static class LogSources
{
    private const string EventPrefix = "events.out.tfevents";

    public static IEnumerable<(string Source, LossLog Log)> Read(string path, LossLogOptions options, TextReader? stdin)
    {
        if (path == "-")
        {
            return Named("stdin", LossLogParser.ParseRuns(stdin ?? Console.In, options));
        }

        if (Directory.Exists(path))
        {
            return MlflowStore.Runs(path) is { Count: > 0 } runs ? MlflowStore.Read(path, runs, options) : LogDir(path, options);
        }

        if (!File.Exists(path))
        {
            throw new InputException($"file: no such file '{path}'");
        }

        using var stream = File.OpenRead(path);
        return Named(path, WithFile(path, () => LossLogReader.Read(stream, options)));
    }

    private static List<(string, LossLog)> LogDir(string path, LossLogOptions options)
    {
        var byRun = Directory.EnumerateFiles(path, EventPrefix + "*", SearchOption.AllDirectories)
            .GroupBy(f => Path.GetDirectoryName(f) ?? path)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToArray();
        if (byRun.Length == 0)
        {
            throw new InputException($"file: directory '{path}' holds no TensorBoard event files ({EventPrefix}.*) and no MLflow runs (meta.yaml beside a metrics folder)");
        }

        var runs = new List<(string, LossLog)>();
        foreach (var run in byRun)
        {
            var scalars = new TensorBoardScalars();
            foreach (var file in run.OrderBy(f => f, StringComparer.Ordinal))
            {
                using var stream = File.OpenRead(file);
                WithFile(file, () =>
                {
                    scalars.Read(stream);
                    return 0;
                });
            }

            var name = Path.GetRelativePath(path, run.Key);
            runs.Add((name == "." ? Path.GetFileName(Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar)) : name, WithFile(run.Key, () => scalars.ToLog(options))));
        }

        return runs;
    }

    private static List<(string, LossLog)> Named(string source, IReadOnlyList<LossLog> logs) =>
        [.. logs.Select(l => (l.Run.Length > 0 ? $"{source} / {l.Run}" : source, l))];

    /// <summary>Prefixes an error with the file it is about, when several files are read.</summary>
    internal static T WithFile<T>(string file, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InputException e)
        {
            throw e.Within($"{file}: ");
        }
    }
}
