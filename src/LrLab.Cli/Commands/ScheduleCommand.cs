using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LrLab.Cli.Output;
using LrLab.Core;
using LrLab.Core.Plotting;
using Spectre.Console;

namespace LrLab.Cli.Commands;

/// <summary>`lrlab schedule SPEC --lr X --steps N`: the rate each update uses.</summary>
internal static class ScheduleCommand
{
    private const double DefaultLr = 0.1;
    private const int DefaultSteps = 100;

    public static Command Build(TextWriter stdout)
    {
        var command = new Command("schedule", "Print the learning rate a PyTorch scheduler gives at each step.");
        var spec = new Argument<string>("spec") { Description = "PyTorch scheduler call without the optimizer, e.g. \"CosineAnnealingLR(T_max=100, eta_min=1e-4)\"" };
        var lr = Flags.Text("--lr", $"the optimizer's initial learning rate (default {Fmt.Plain(DefaultLr)})");
        var steps = Flags.Text("--steps", $"number of updates (default {DefaultSteps})");
        var plot = PlotFlag.Create("--plot", "the rate against the step");
        var logRate = Flags.Switch("--log-rate", "with --plot: logarithmic rate axis");
        var format = Emitter.FormatOption();
        var output = Emitter.OutOption();
        command.Arguments.Add(spec);
        command.Options.Add(lr);
        command.Options.Add(steps);
        command.Options.Add(plot);
        command.Options.Add(logRate);
        Emitter.AddTo(command, format, output);

        command.SetAction(result =>
        {
            var kind = Emitter.ReadFormat(result, format);
            PlotFlag.Check(result, plot);
            var parsed = ScheduleFlag.Parse(result.GetValue(spec) ?? string.Empty);
            var baseLr = Flags.Positive(result, lr) ?? DefaultLr;
            var count = Flags.Integer(result, steps, 1, 1_000_000) ?? DefaultSteps;
            if (parsed.Schedule is not { } schedule)
            {
                throw new InputException("ReduceLROnPlateau depends on the losses of a run; use it with 'lrlab simulate --schedule'");
            }

            var rates = new double[count];
            for (var t = 0; t < count; t++)
            {
                rates[t] = schedule.At(t, baseLr);
            }

            var data = new ScheduleOutput(schedule.ToSpec(), baseLr, count, schedule.ToPython(), rates);
            PlotFlag.Write(result, plot, () => Charts.Schedule(data.Spec, rates, result.GetValue(logRate)));
            Emitter.Emit(
                result,
                kind,
                output,
                stdout,
                () => JsonSerializer.Serialize(data, CliJson.Readable.ScheduleOutput),
                () => Csv(rates),
                console => Table(console, data));
            return 0;
        });
        return command;
    }

    private static string Csv(double[] rates)
    {
        var csv = new Csv("step", "lr");
        for (var t = 0; t < rates.Length; t++)
        {
            csv.Row(t.ToString(CultureInfo.InvariantCulture), Output.Csv.Number(rates[t]));
        }

        return csv.ToString();
    }

    private static void Table(IAnsiConsole console, ScheduleOutput data)
    {
        console.WriteLine(data.Spec);
        console.WriteLine(data.Python);
        var table = new Table().AddColumns("step", "lr");
        var rows = data.Lr.Count <= 40 ? Enumerable.Range(0, data.Lr.Count) : SimulateCommand.Sample(data.Lr.Count, 21);
        foreach (var t in rows)
        {
            table.AddRow(t.ToString(CultureInfo.InvariantCulture), Fmt.G(data.Lr[t]));
        }

        console.Write(table);
    }
}
