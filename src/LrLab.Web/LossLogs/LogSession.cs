using System.Globalization;
using LrLab.Core;
using LrLab.Core.Diagnosis;

namespace LrLab.Web.LossLogs;

/// <summary>
/// What the /diagnose page holds: the pasted text or the loaded files, the optional column/tag and rates, and the
/// last result (one run: a diagnosis; several: a comparison) or error. Plain C#, so tests drive it without a browser.
/// </summary>
public sealed class LogSession
{
    private readonly List<LoadedFile> _files = [];

    /// <summary>The pasted log (ignored while files are loaded).</summary>
    public string Text { get; set; } = string.Empty;

    /// <summary>The CSV column / JSON property / TensorBoard tag to read (blank: automatic).</summary>
    public string Column { get; set; } = string.Empty;

    /// <summary>The rate the log was trained with, as typed (blank: unknown, or read from the log).</summary>
    public string Lr { get; set; } = string.Empty;

    /// <summary>The loaded files, in the order chosen; each may hold one or more runs.</summary>
    public IReadOnlyList<LoadedFile> Files => _files;

    /// <summary>The parsed log of the last successful single-run diagnosis.</summary>
    public LossLog? Log { get; private set; }

    /// <summary>The last single-run diagnosis.</summary>
    public Diagnosis? Result { get; private set; }

    /// <summary>The last comparison, when the input held several runs (or several rates were given).</summary>
    public Comparison? Comparison { get; private set; }

    /// <summary>The last error, one line ("line 3: 'abc' is not a number").</summary>
    public string? Error { get; private set; }

    /// <summary>The line of the pasted text the error points at, when it names one.</summary>
    public int? ErrorLine { get; private set; }

    /// <summary>Loads an example into the inputs (and drops any loaded files).</summary>
    public void Load(LogExample example)
    {
        _files.Clear();
        Text = example.Text;
        Column = string.Empty;
        Lr = example.Lr?.ToString("R", CultureInfo.InvariantCulture) ?? example.Rates ?? string.Empty;
    }

    /// <summary>Replaces the loaded files (picker or drop).</summary>
    public void SetFiles(IEnumerable<LoadedFile> files)
    {
        _files.Clear();
        _files.AddRange(files);
    }

    /// <summary>Forgets the loaded files: the pasted text counts again.</summary>
    public void ClearFiles() => _files.Clear();

    /// <summary>Parses and diagnoses; on bad input sets <see cref="Error"/> and clears the result.</summary>
    public void Run()
    {
        Result = null;
        Log = null;
        Comparison = null;
        try
        {
            var rates = Rates();
            var options = new LossLogOptions(string.IsNullOrWhiteSpace(Column) ? null : Column.Trim());
            var runs = _files.Count > 0 ? FromFiles(options) : Named("pasted log", LossLogParser.ParseRuns(new StringReader(Text), options));
            if (runs.Count == 1 && rates.Length <= 1)
            {
                Log = runs[0].Log;
                Result = Diagnoser.Diagnose(Log, rates.Length == 1 ? rates[0] : null);
            }
            else
            {
                if (rates.Length > 0 && rates.Length != runs.Count)
                {
                    throw new InputException(string.Create(CultureInfo.InvariantCulture, $"learning rates: {rates.Length} given for {runs.Count} runs; give one per run, in order, or none"));
                }

                Comparison = RunComparer.Compare([.. runs.Select((r, i) => new RunInput(r.Source, r.Log, rates.Length > 0 ? rates[i] : null))]);
            }

            Error = null;
            ErrorLine = null;
        }
        catch (InputException e)
        {
            Error = ParameterNames.Say(e);
            ErrorLine = _files.Count == 0 && e.Message.StartsWith("line ", StringComparison.Ordinal) ? e.Position : null;
        }
    }

    /// <summary>The text of the line an error points at, for showing beside the message.</summary>
    public string? ErrorLineText()
    {
        if (ErrorLine is not { } n || n < 1)
        {
            return null;
        }

        var lines = Text.Split('\n');
        return n <= lines.Length ? lines[n - 1].TrimEnd('\r') : null;
    }

    /// <summary>The rate field: one rate, or one per run separated by commas.</summary>
    private double[] Rates()
    {
        if (string.IsNullOrWhiteSpace(Lr))
        {
            return [];
        }

        var parts = Lr.Split(',', StringSplitOptions.TrimEntries);
        return [.. parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate > 0 && double.IsFinite(rate)
            ? rate
            : throw new InputException($"learning rate: '{p}' is not a positive number"))];
    }

    private List<(string Source, LossLog Log)> FromFiles(LossLogOptions options)
    {
        var runs = new List<(string, LossLog)>();
        foreach (var file in _files)
        {
            try
            {
                runs.AddRange(Named(file.Name, LossLogReader.Read(new MemoryStream(file.Bytes, writable: false), options)));
            }
            catch (InputException e)
            {
                throw e.Within($"{file.Name}: ");
            }
        }

        // Files picked from several run folders often share a name (every MLflow run has metrics/loss): number them.
        var repeated = runs.GroupBy(r => r.Item1, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return [.. runs.Select(r => repeated.Contains(r.Item1) ? ($"{r.Item1} ({seen[r.Item1] = seen.GetValueOrDefault(r.Item1) + 1})", r.Item2) : r)];
    }

    private static List<(string Source, LossLog Log)> Named(string source, IReadOnlyList<LossLog> logs) =>
        [.. logs.Select(l => (l.Run.Length > 0 ? (logs.Count > 1 ? l.Run : $"{source} / {l.Run}") : source, l))];
}
