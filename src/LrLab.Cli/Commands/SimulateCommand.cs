using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LrLab.Cli.Output;
using LrLab.Core.LineSearch;
using LrLab.Core.Plotting;
using LrLab.Core.Simulation;
using LrLab.Core.Surfaces;
using LrLab.Core.Theory;
using Spectre.Console;

namespace LrLab.Cli.Commands;

/// <summary>`lrlab simulate`: one optimizer run on one surface, with its verdict.</summary>
internal static class SimulateCommand
{
    public static Command Build(TextWriter stdout)
    {
        var command = new Command("simulate", "Run an optimizer on a loss surface and judge the learning rate.");
        var surface = Flags.Text("--surface", "built-in surface name (see 'lrlab surfaces') or a formula in x and y, e.g. \"x^2 + 3*y^2\" (default bowl)");
        var steps = Flags.Text("--steps", $"number of updates (default {SimulationOptions.DefaultSteps})");
        var start = Flags.Text("--start", "start point x,y (default: the surface's)");
        var batch = Flags.Text("--batch-size", "mini-batch size for noisy surfaces: gradient noise shrinks as 1/sqrt(batch) (default 1)");
        var seed = Flags.Text("--seed", "seed for the gradient noise (default 0)");
        var schedule = Flags.Text("--schedule", "PyTorch scheduler call without the optimizer, e.g. \"StepLR(step_size=30, gamma=0.1)\"");
        var shrink = Flags.Text("--shrink", $"line search: factor a rejected trial step is multiplied by (default {Fmt.Plain(ArmijoOptions.DefaultShrink)})");
        var armijoC = Flags.Text("--armijo-c", $"line search: Armijo sufficient-decrease constant c (default {Fmt.Plain(ArmijoOptions.DefaultC)})");
        var maxProbes = Flags.Text("--max-probes", $"line search: most trial steps per update (default {ArmijoOptions.DefaultMaxProbes})");
        var plot = PlotFlag.Create("--plot", "the loss against the step");
        var format = Emitter.FormatOption();
        var output = Emitter.OutOption();
        var hyper = new OptimizerFlags(command);
        command.Options.Add(surface);
        command.Options.Add(steps);
        command.Options.Add(start);
        command.Options.Add(batch);
        command.Options.Add(seed);
        command.Options.Add(schedule);
        command.Options.Add(shrink);
        command.Options.Add(armijoC);
        command.Options.Add(maxProbes);
        command.Options.Add(plot);
        Emitter.AddTo(command, format, output);

        command.SetAction(result =>
        {
            var kind = Emitter.ReadFormat(result, format);
            PlotFlag.Check(result, plot);
            var theSurface = SurfaceCatalog.Resolve(result.GetValue(surface) ?? "bowl");
            StepRule rule = StepRules.IsLineSearch(hyper.Name(result))
                ? new ArmijoRule(hyper.Lr(result) ?? 1.0, Armijo(result, shrink, armijoC, maxProbes))
                : new OptimizerRule(hyper.Create(result));
            var spec = result.GetValue(schedule);
            var parsed = spec is null ? null : ScheduleFlag.Parse(spec);
            var options = new SimulationOptions
            {
                Steps = Flags.Integer(result, steps, 0, SimulationOptions.MaxSteps) ?? SimulationOptions.DefaultSteps,
                Start = Flags.Vector(result, start),
                BatchSize = Flags.Integer(result, batch, 1, 1_000_000) ?? 1,
                Seed = Flags.Integer(result, seed, int.MinValue, int.MaxValue) ?? 0,
                Schedule = parsed?.Schedule,
                MetricSchedule = parsed?.MetricSchedule,
            };
            var trajectory = Simulator.Run(theSurface, rule, options);
            var theory = rule.Theory(theSurface);
            PlotFlag.Write(result, plot, () => Charts.Trajectories([trajectory]));
            Emitter.Emit(
                result,
                kind,
                output,
                stdout,
                () => JsonSerializer.Serialize(trajectory, CliJson.Readable.Trajectory),
                () => Csv(trajectory),
                console => Table(console, trajectory, theory));
            return 0;
        });
        return command;
    }

    private static ArmijoOptions Armijo(ParseResult result, Option<string> shrink, Option<string> c, Option<string> probes)
    {
        var defaults = new ArmijoOptions();
        return new ArmijoOptions
        {
            Shrink = Flags.Number(result, shrink) ?? defaults.Shrink,
            C = Flags.Number(result, c) ?? defaults.C,
            MaxProbes = Flags.Integer(result, probes, 1, 100) ?? defaults.MaxProbes,
        };
    }

    private static string Csv(Trajectory t)
    {
        var dims = t.Steps[0].Params.Length;
        var csv = dims == 1 ? new Csv("step", "x", "loss", "lr") : new Csv("step", "x", "y", "loss", "lr");
        foreach (var p in t.Steps)
        {
            csv.Row([p.Step.ToString(CultureInfo.InvariantCulture), .. p.Params.Select(Output.Csv.Number), Output.Csv.Number(p.Loss), Output.Csv.Number(p.Lr)]);
        }

        return csv.ToString();
    }

    private static void Table(IAnsiConsole console, Trajectory t, RateTheory? theory)
    {
        var summary = new Grid().AddColumn().AddColumn();
        summary.AddRow("surface", Markup.Escape(t.Surface));
        summary.AddRow("optimizer", Markup.Escape($"{t.Optimizer}, lr {Fmt.G(t.Lr)}"));
        summary.AddRow("steps", (t.Steps.Count - 1).ToString(CultureInfo.InvariantCulture));
        summary.AddRow("final loss", Fmt.G(t.FinalLoss));
        summary.AddRow("steps to converge", t.StepsToConverge is { } k ? k.ToString(CultureInfo.InvariantCulture) : t.EstimatedStepsToConverge is { } e ? $"not reached (about {e.ToString("N0", CultureInfo.InvariantCulture)} by extrapolation)" : "never");
        if (t.LineSearch is { Count: > 0 } searches)
        {
            var probes = searches.Sum(s => s.Probes.Count);
            summary.AddRow("line search", Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{probes} probes over {searches.Count} updates, committed steps {Fmt.G(searches.Min(s => s.Alpha))} – {Fmt.G(searches.Max(s => s.Alpha))}")));
        }

        if (theory is not null)
        {
            summary.AddRow("theory", Markup.Escape(TheoryWords.Limit(theory)));
        }

        summary.AddRow("verdict", $"[bold]{Words.Verdict(t.Verdict)}[/] ({Words.Pattern(t.Pattern)})");
        console.Write(summary);
        console.WriteLine();
        console.WriteLine(t.Explanation);
        console.WriteLine();

        var table = new Table().AddColumns("step", "params", "loss", "lr");
        foreach (var index in Sample(t.Steps.Count, 12))
        {
            var p = t.Steps[index];
            table.AddRow(p.Step.ToString(CultureInfo.InvariantCulture), Fmt.Vector(p.Params), Fmt.G(p.Loss), Fmt.G(p.Lr));
        }

        console.Write(table);
    }

    /// <summary>Up to <paramref name="count"/> evenly spaced indices including the first and the last.</summary>
    internal static IEnumerable<int> Sample(int length, int count)
    {
        if (length <= count)
        {
            return Enumerable.Range(0, length);
        }

        return Enumerable.Range(0, count).Select(i => (int)Math.Round(i * (length - 1) / (double)(count - 1))).Distinct();
    }
}
