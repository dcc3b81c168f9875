using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LrLab.Cli.Output;
using LrLab.Core;
using LrLab.Core.Diagnosis;
using Spectre.Console;

namespace LrLab.Cli.Commands;

/// <summary>`lrlab diagnose FILE|- [--column NAME] [--lr X]`: judge the learning rate from a loss log.</summary>
internal static class DiagnoseCommand
{
    public static Command Build(TextWriter stdout, TextReader? stdin)
    {
        var command = new Command("diagnose", "Read a loss log and say whether the learning rate was too small, just right or too large.");
        var file = new Argument<string>("file") { Description = "the log: CSV with a header, TensorBoard CSV export, JSON, or one number per line; '-' reads standard input" };
        var column = Flags.Text("--column", "the CSV column or JSON property holding the loss (default: loss, train_loss, …)");
        var lr = Flags.Text("--lr", "the rate the log was trained with: the suggestion then names concrete rates");
        var format = Emitter.FormatOption();
        var output = Emitter.OutOption();
        command.Arguments.Add(file);
        command.Options.Add(column);
        command.Options.Add(lr);
        Emitter.AddTo(command, format, output);

        command.SetAction(result =>
        {
            var kind = Emitter.ReadFormat(result, format);
            var rate = Flags.Positive(result, lr);
            var path = result.GetValue(file) ?? "-";
            var log = Read(path, result.GetValue(column), stdin);
            var diagnosis = Diagnoser.Diagnose(log, rate);
            Emitter.Emit(
                result,
                kind,
                output,
                stdout,
                () => JsonSerializer.Serialize(diagnosis, CliJson.Readable.Diagnosis),
                () => Csv(diagnosis),
                console => Table(console, path, log, diagnosis));
            return 0;
        });
        return command;
    }

    private static LossLog Read(string path, string? column, TextReader? stdin)
    {
        if (path == "-")
        {
            return LossLogParser.Parse(stdin ?? Console.In, column);
        }

        if (Directory.Exists(path))
        {
            throw new InputException($"file: '{path}' is a directory, not a loss log");
        }

        if (!File.Exists(path))
        {
            throw new InputException($"file: no such file '{path}'");
        }

        using var reader = File.OpenText(path);
        return LossLogParser.Parse(reader, column);
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

    private static void Table(IAnsiConsole console, string path, LossLog log, Diagnosis d)
    {
        var summary = new Grid().AddColumn().AddColumn();
        summary.AddRow("log", Markup.Escape($"{(path == "-" ? "stdin" : path)} ({d.Points.ToString("N0", CultureInfo.InvariantCulture)} values, {Wire(log.Format)}{(log.Column.Length > 0 ? $", column {log.Column}" : string.Empty)})"));
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

    private static string Wire<T>(T value) => JsonSerializer.Serialize(value, typeof(T), CliJson.Readable).Trim('"');
}
