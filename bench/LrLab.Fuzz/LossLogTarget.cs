using System.Text.RegularExpressions;
using CsCheck;
using LrLab.Core;
using LrLab.Core.Diagnosis;
using LrLab.Fuzz.Logs;

namespace LrLab.Fuzz;

/// <summary>
/// Loss logs as pasted or dropped on /diagnose and given to `lrlab diagnose`, in every format, text and binary: one
/// number per line, CSV, TensorBoard's CSV export, JSON, HuggingFace's trainer_state.json, MLflow metric files, W&amp;B
/// exports with several runs, Keras' and Lightning's CSVLogger, TensorBoard event files and nested logdirs. Each is
/// written whole from its format's spec (Logs/: it must read back value for value), or damaged (cut, edited, bits
/// flipped, checksums and length fields wrong), or random bytes. A log reads, or fails with one line naming the line
/// or byte (an <see cref="InputException"/>, nothing else, with memory bounded by the file's size); whatever reads
/// gets a diagnosis and a comparison.
/// </summary>
public static partial class LossLogTarget
{
    private static readonly Gen<LogCase> _garbage = Gen.Frequency(
        (2, Gen.OneOf<string>(["0.5", "nan", ",", "\n", "\"", "[", "{", ":", "\"loss\"", "step", " - ", "\0", "\ufeff"]).Array[0, 40].Select(p => LogCase.FromText("pieces", string.Concat(p), null))),
        (1, Gen.Byte.Array[0, 400].Select(b => new LogCase("random bytes", b, null, null))),
        (1, Gen.String.Select(s => LogCase.FromText("random text", s, null))));

    private static readonly Gen<object> _case = Gen.Frequency(
        (60, TextLogs.Any.Select(c => (object)c)),
        (80, Damage.Text(TextLogs.Any).Select(c => (object)c)),
        (40, _garbage.Select(c => (object)c)),
        (60, EventLogs.File.Select(e => (object)new LogCase("tensorboard-events", e.Bytes, null, [e.Run]) { Rates = e.Rates })),
        (80, Damage.Events.Select(c => (object)c)),
        (1, LogDir.Gen.Select(d => (object)d))); // a logdir goes through the real CLI and the file system: one case in 321

    public static FuzzTarget Target { get; } = new(
        "loss-log",
        "loss logs in every format (lines, CSV, TensorBoard CSV, JSON, trainer_state.json, MLflow, W&B, Keras, Lightning, TensorBoard event files, logdirs): whole, damaged, random bytes",
        (iter, seed, time) => Gen.Select(_case, Gen.Double[-6, 1]).Sample(Slowest.Wrap<(object Case, double LogRate)>(Check), iter: iter, seed: seed, time: time));

    /// <summary>One case: a log (read as a dropped file, and as pasted text when it is text) or a logdir (read by the CLI).</summary>
    public static void Check((object Case, double LogRate) input)
    {
        if (input.Case is LogDir dir)
        {
            dir.Check();
            return;
        }

        var log = (LogCase)input.Case;
        var rate = input.LogRate > 0 ? (double?)null : Math.Pow(10, input.LogRate);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var file = Read(() => LossLogReader.Read(new MemoryStream(log.Bytes, writable: false)), log, pasted: false);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        FuzzException.Unless(allocated <= (64L * log.Bytes.Length) + (16 << 20), $"reading {log.Bytes.Length:N0} bytes allocated {allocated:N0} bytes");
        if (file is not null)
        {
            Diagnose(file, rate);
        }

        if (log.Text is { } text)
        {
            var pasted = Read(() => LossLogParser.ParseRuns(new StringReader(text), LossLogOptions.Default), log, pasted: true);
            if (pasted is not null && file is not null)
            {
                FuzzException.Unless(
                    pasted.Count == file.Count && pasted.Zip(file).All(p => p.First.Losses.SequenceEqual(p.Second.Losses) && p.First.Steps.SequenceEqual(p.Second.Steps)),
                    "the log reads differently pasted and dropped as a file");
            }
        }
    }

    private static IReadOnlyList<LossLog>? Read(Func<IReadOnlyList<LossLog>> read, LogCase log, bool pasted)
    {
        IReadOnlyList<LossLog> runs;
        try
        {
            runs = read();
        }
        catch (InputException e)
        {
            FuzzException.Unless(log.Expected is null, $"a log written whole was refused: {e.Message}");
            Notices.IsOneLine(e.Message);
            var where = Where().Match(e.Message);
            FuzzException.Unless(where.Success || (!pasted && e.Parameter == "tag"), $"the message names no line or byte: {e.Message}");
            if (where.Success && where.Groups["unit"].Value == "line")
            {
                FuzzException.Unless(e.Position == int.Parse(where.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) && e.Position >= 1, $"the message's line is not its Position ({e.Position}): {e.Message}");
            }
            else if (where.Success)
            {
                FuzzException.Unless(!pasted && long.Parse(where.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) <= log.Bytes.Length, $"the byte named lies outside the file ({log.Bytes.Length} bytes): {e.Message}");
            }

            return null;
        }

        FuzzException.Unless(runs.Count > 0, "no run and no error");
        foreach (var run in runs)
        {
            FuzzException.Unless(run.Losses.Count > 0 && run.Losses.Count == run.Steps.Count, "losses and steps disagree");
            FuzzException.Unless(run.Rates is null || run.Rates.Count == run.Losses.Count, "rates and losses disagree");
        }

        if (log.Expected is { } expected)
        {
            FuzzException.Unless(runs.Count == expected.Length, $"{expected.Length} runs written, {runs.Count} read");
            for (var i = 0; i < expected.Length; i++)
            {
                var (written, got) = (expected[i], runs[i]);
                FuzzException.Unless(got.Run == written.Run, $"run '{written.Run}' reads as '{got.Run}'");
                FuzzException.Unless(got.Losses.SequenceEqual(written.Losses), $"a log written whole reads back different values ({string.Join(", ", got.Losses.Take(8))} …)");
                FuzzException.Unless(written.Steps is null || got.Steps.SequenceEqual(written.Steps), $"a log written whole reads back different steps ({string.Join(", ", got.Steps.Take(8))} …)");
            }

            FuzzException.Unless(log.Rates is null || (runs[0].Rates is { } rates && rates.SequenceEqual(log.Rates)), "the learning rates written do not read back");
        }

        return runs;
    }

    /// <summary>
    /// Every run gets a diagnosis and all runs together a comparison (with and without known rates). The comparison
    /// diagnoses each run as the single-run path does (<see cref="Diagnoser.Diagnose(LossLog, double?)"/> with the
    /// same rate), so its runs are checked as diagnoses too.
    /// </summary>
    private static void Diagnose(IReadOnlyList<LossLog> runs, double? rate)
    {
        var comparison = RunComparer.Compare([.. runs.Select((r, i) => new RunInput($"run {i}", r, rate is { } lr ? lr * (i + 1) : null))]);
        FuzzException.Unless(comparison.Runs.Count == runs.Count, "the comparison lost a run");
        FuzzException.Unless(comparison.Runs.Select(r => r.Rank).Order().SequenceEqual(Enumerable.Range(1, runs.Count)), "the ranks are not 1…n");
        Notices.IsOneLine(comparison.Advice);
        FuzzException.Unless(comparison.Range is null || (comparison.Range.Count == 2 && comparison.Range.All(v => double.IsFinite(v) && v > 0) && comparison.Range[0] <= comparison.Range[1]), $"a range to try that is no range: {string.Join(", ", comparison.Range ?? [])}");
        foreach (var diagnosis in comparison.Runs)
        {
            var run = runs[int.Parse(diagnosis.Source.AsSpan(4), System.Globalization.CultureInfo.InvariantCulture)];
            FuzzException.Unless(Enum.IsDefined(diagnosis.Verdict), "no verdict");
            Notices.IsOneLine(diagnosis.Explanation.Replace('\n', ' '));
            FuzzException.Unless(double.IsFinite(diagnosis.Suggestion.Factor) && diagnosis.Suggestion.Factor > 0, "a suggestion without a finite factor");
            FuzzException.Unless(diagnosis.FinalLoss is null || double.IsFinite(diagnosis.FinalLoss.Value), "a final loss that is not finite");
            FuzzException.Unless(
                run.Losses.All(double.IsFinite) || (diagnosis.Verdict == Verdict.TooLarge && diagnosis.Pattern is Pattern.Nan or Pattern.Diverging),
                "a log with a non-finite loss is not judged too large");
        }
    }

    [GeneratedRegex(@"^(?<unit>line|byte) (?<n>\d+): ")]
    private static partial Regex Where();
}
