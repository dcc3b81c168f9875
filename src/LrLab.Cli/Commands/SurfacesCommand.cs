using System.CommandLine;
using System.Text.Json;
using LrLab.Cli.Output;
using LrLab.Core.Surfaces;
using Spectre.Console;

namespace LrLab.Cli.Commands;

/// <summary>`lrlab surfaces`: the built-in surfaces with their curvature and stability limit.</summary>
internal static class SurfacesCommand
{
    public static Command Build(TextWriter stdout)
    {
        var command = new Command("surfaces", "List the built-in loss surfaces, their minimum, λmax and stability limit 2/λmax.");
        var format = Emitter.FormatOption();
        var output = Emitter.OutOption();
        Emitter.AddTo(command, format, output);
        command.SetAction(result =>
        {
            var kind = Emitter.ReadFormat(result, format);
            var rows = SurfaceCatalog.BuiltIns.Select(SurfaceRow.From).ToArray();
            Emitter.Emit(
                result,
                kind,
                output,
                stdout,
                () => JsonSerializer.Serialize(rows, CliJson.Readable.SurfaceRowArray),
                () => Csv(rows),
                console => Table(console, rows));
            return 0;
        });
        return command;
    }

    private static string Csv(SurfaceRow[] rows)
    {
        var csv = new Csv("name", "formula", "dimension", "minimum", "lambdaMin", "lambdaMax", "conditionNumber", "stabilityLimit", "defaultStart", "stochastic");
        foreach (var r in rows)
        {
            csv.Row(
                r.Name,
                r.Formula,
                r.Dimension.ToString(System.Globalization.CultureInfo.InvariantCulture),
                r.Minimum is null ? string.Empty : string.Join(' ', r.Minimum.Select(Output.Csv.Number)),
                Output.Csv.Number(r.LambdaMin),
                Output.Csv.Number(r.LambdaMax),
                Output.Csv.Number(r.ConditionNumber),
                Output.Csv.Number(r.StabilityLimit),
                string.Join(' ', r.DefaultStart.Select(Output.Csv.Number)),
                r.Stochastic ? "true" : "false");
        }

        return csv.ToString();
    }

    private static void Table(IAnsiConsole console, SurfaceRow[] rows)
    {
        var table = new Table().AddColumns("name", "formula", "minimum", "λmax", "2/λmax", "start");
        foreach (var r in rows)
        {
            table.AddRow(
                Markup.Escape(r.Name),
                Markup.Escape(r.Formula),
                Fmt.Vector(r.Minimum),
                Fmt.G(r.LambdaMax),
                Fmt.G(r.StabilityLimit),
                Fmt.Vector(r.DefaultStart));
        }

        console.Write(table);
    }
}
