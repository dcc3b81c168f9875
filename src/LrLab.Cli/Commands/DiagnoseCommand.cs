using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LrLab.Cli.Output;
using LrLab.Core;
using LrLab.Core.Diagnosis;
using LrLab.Core.Plotting;
using Spectre.Console;

namespace LrLab.Cli.Commands;

/// <summary>
/// `lrlab diagnose FILE|DIR|- [FILE…] [--column NAME] [--tag NAME] [--lr X | --lrs a,b,c] [--plot FILE.svg]`: judge
/// the learning rate from one loss log, or compare several runs (files, runs inside a W&amp;B export, a TensorBoard logdir,
/// an MLflow file store).
/// </summary>
internal static class DiagnoseCommand
{
    public static Command Build(TextWriter stdout, TextReader? stdin)
    {
        var command = new Command("diagnose", "Read loss logs and say whether the learning rate was too small, just right or too large; with several runs, rank them.");
        var files = new Argument<string[]>("files")
        {
            Description = "the logs (CSV, JSON, HuggingFace trainer_state.json, TensorBoard event files or logdir, MLflow metric file or run folders (mlruns/), W&B export, one number per line); '-' reads standard input",
            Arity = ArgumentArity.OneOrMore,
        };
        var column = Flags.Text("--column", "the CSV column, JSON property, W&B or MLflow metric holding the loss (default: loss, train_loss, …)");
        var tag = Flags.Text("--tag", "the TensorBoard tag holding the loss (default: the first tag ending in 'loss')");
        var lr = Flags.Text("--lr", "the rate the log was trained with: the suggestion then names concrete rates");
        var lrs = Flags.Text("--lrs", "the rates of the runs, in order (a,b,c), when the logs do not record them");
        var plot = PlotFlag.Create("--plot", "the loss curves (several runs overlaid)");
        var format = Emitter.FormatOption();
        var output = Emitter.OutOption();
        command.Arguments.Add(files);
        command.Options.Add(column);
        command.Options.Add(tag);
        command.Options.Add(lr);
        command.Options.Add(lrs);
        command.Options.Add(plot);
        Emitter.AddTo(command, format, output);

        command.SetAction(result =>
        {
            var kind = Emitter.ReadFormat(result, format);
            var rate = Flags.Positive(result, lr);
            var rates = Rates(result.GetValue(lrs));
            PlotFlag.Check(result, plot);
            var options = new LossLogOptions(result.GetValue(column), result.GetValue(tag));
            var paths = result.GetValue(files) ?? ["-"];
            var runs = paths.SelectMany(p => LogSources.Read(p, options, stdin)).ToArray();
            if (runs.Length == 1 && rates is null)
            {
                var (source, log) = runs[0];
                var diagnosis = Diagnoser.Diagnose(log, rate);
                PlotFlag.Write(result, plot, () => Charts.Runs(RunComparer.Compare([new RunInput(source, log, rate)])));
                Emitter.Emit(
                    result,
                    kind,
                    output,
                    stdout,
                    () => JsonSerializer.Serialize(diagnosis, CliJson.Readable.Diagnosis),
                    () => Csv(diagnosis),
                    console => Table(console, source, log, diagnosis));
                return 0;
            }

            if (rate is not null)
            {
                throw new InputException("--lr: one rate for several runs; give each run its rate with --lrs a,b,c");
            }

            if (rates is not null && rates.Length != runs.Length)
            {
                throw new InputException(string.Create(CultureInfo.InvariantCulture, $"--lrs: {rates.Length} rates for {runs.Length} runs ({string.Join(", ", runs.Select(r => r.Source))})"));
            }

            var comparison = RunComparer.Compare([.. runs.Select((r, i) => new RunInput(r.Source, r.Log, rates?[i]))]);
            PlotFlag.Write(result, plot, () => Charts.Runs(comparison));
            Emitter.Emit(
                result,
                kind,
                output,
                stdout,
                () => JsonSerializer.Serialize(comparison, CliJson.Readable.Comparison),
                () => ComparisonCsv(comparison),
                console => ComparisonTable(console, comparison));
            return 0;
        });
        return command;
    }

    private static double[]? Rates(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var rates = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out rates[i]) || !(rates[i] > 0) || !double.IsFinite(rates[i]))
            {
                throw new InputException($"--lrs: '{parts[i]}' (rate {i + 1}) is not a positive number");
            }
        }

        return rates;
    }

    private static string Csv(Diagnosis d)
    {
        var csv = new Csv("verdict", "pattern", "action", "factor", "rates", "kind", "finding", "fromStep", "toStep");
        var rates = d.Suggestion.Rates is { } r ? string.Join(' ', r.Select(Output.Csv.Number)) : string.Empty;
        foreach (var e in d.Evidence)
        {
            csv.Row(Wire(d.Verdict), Wire(d.Pattern), Wire(d.Suggestion.Action), Output.Csv.Number(d.Suggestion.Factor), rates, Wire(e.Kind), e.Finding, Output.Csv.Number(e.FromStep), Output.Csv.Number(e.ToStep));
        }

        return csv.ToString();
    }

    private static string ComparisonCsv(Comparison c)
    {
        var csv = new Csv("rank", "source", "lr", "verdict", "pattern", "finalLoss", "action", "factor");
        foreach (var r in c.Runs)
        {
            csv.Row(r.Rank.ToString(CultureInfo.InvariantCulture), r.Source, r.Lr is { } lr ? Output.Csv.Number(lr) : string.Empty, Wire(r.Verdict), Wire(r.Pattern), r.FinalLoss is { } f ? Output.Csv.Number(f) : string.Empty, Wire(r.Suggestion.Action), Output.Csv.Number(r.Suggestion.Factor));
        }

        return csv.ToString();
    }

    private static void Table(IAnsiConsole console, string source, LossLog log, Diagnosis d)
    {
        var summary = new Grid().AddColumn().AddColumn();
        summary.AddRow("log", Markup.Escape($"{source} ({d.Points.ToString("N0", CultureInfo.InvariantCulture)} values, {Wire(log.Format)}{(log.Column.Length > 0 ? $", {(log.Format == LossLogFormat.TensorBoardEvents ? "tag" : "column")} {log.Column}" : string.Empty)})"));
        summary.AddRow("curve", Markup.Escape(Sparkline.Render(log.Losses, 60)));
        summary.AddRow("verdict", $"[bold]{Words.Verdict(d.Verdict)}[/] ({Words.Pattern(d.Pattern)})");
        summary.AddRow("suggestion", Markup.Escape(d.Suggestion.Text));
        console.Write(summary);
        console.WriteLine();
        console.WriteLine(d.Explanation);
        if (d.Evidence.Count == 0)
        {
            return;
        }

        console.WriteLine();
        var table = new Table().AddColumns("evidence", "steps");
        foreach (var e in d.Evidence)
        {
            var steps = e.FromStep == e.ToStep ? Fmt.G(e.FromStep) : $"{Fmt.G(e.FromStep)}–{Fmt.G(e.ToStep)}";
            table.AddRow(Markup.Escape(e.Finding), steps);
        }

        console.Write(table);
    }

    private static void ComparisonTable(IAnsiConsole console, Comparison c)
    {
        var table = new Table().AddColumns("#", "run", "lr", "verdict", "final loss", "curve");
        foreach (var r in c.Runs)
        {
            table.AddRow(
                r.Rank.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(r.Source),
                Fmt.G(r.Lr),
                $"{Words.Verdict(r.Verdict)} ({Words.Pattern(r.Pattern)})",
                r.FinalLoss is { } f ? Fmt.G(f) : "-",
                Markup.Escape(Sparkline.Render([.. r.Smoothed.Select(p => p.Loss)], 24)));
        }

        console.Write(table);
        console.WriteLine();
        console.WriteLine(c.Advice);
    }

    private static string Wire<T>(T value) => JsonSerializer.Serialize(value, typeof(T), CliJson.Readable).Trim('"');
}
