using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LrLab.Cli.Output;
using LrLab.Core;
using LrLab.Core.Optimizers;
using LrLab.Core.Plotting;
using LrLab.Core.Simulation;
using LrLab.Core.Surfaces;
using LrLab.Core.Sweep;
using Spectre.Console;

namespace LrLab.Cli.Commands;

/// <summary>`lrlab sweep`: one run per log-spaced rate, judged, with the empirical divergence limit and the theory lines.</summary>
internal static class SweepCommand
{
    /// <summary>The optimizers `--compare-optimizers` puts side by side.</summary>
    public static readonly string[] ComparisonSet = ["sgd", "momentum", "adam", "rmsprop", "adagrad"];

    public static Command Build(TextWriter stdout)
    {
        var command = new Command("sweep", "Run an optimizer at many log-spaced learning rates and chart the outcome against the rate.");
        var surface = Flags.Text("--surface", "built-in surface name or a formula in x and y (default bowl)");
        var lrMin = Flags.Text("--lr-min", $"smallest rate (default {Fmt.Plain(SweepOptions.DefaultLrMin)})");
        var lrMax = Flags.Text("--lr-max", $"largest rate (default {Fmt.Plain(SweepOptions.DefaultLrMax)})");
        var count = Flags.Text("--count", $"number of log-spaced rates, ends included (default {SweepOptions.DefaultCount})");
        var steps = Flags.Text("--steps", $"updates per run (default {SimulationOptions.DefaultSteps})");
        var start = Flags.Text("--start", "start point x,y (default: the surface's)");
        var batch = Flags.Text("--batch-size", "mini-batch size for noisy surfaces (default 1)");
        var seed = Flags.Text("--seed", "seed for the gradient noise (default 0)");
        var schedule = Flags.Text("--schedule", "PyTorch scheduler call applied to every swept rate");
        var optimizers = Flags.Text("--optimizers", "comma-separated optimizers swept side by side over the same rates");
        var compare = Flags.Switch("--compare-optimizers", $"shorthand for --optimizers {string.Join(',', ComparisonSet)}");
        var threads = Flags.Text("--threads", "rates run in parallel (default: one per core)");
        var plot = PlotFlag.Create("--plot", "the final loss against the rate (regimes shaded, theory lines dashed)");
        var plotSteps = PlotFlag.Create("--plot-steps", "the steps to converge against the rate");
        var format = Emitter.FormatOption();
        var output = Emitter.OutOption();
        var hyper = new OptimizerFlags(command);
        foreach (var option in new Option[] { surface, lrMin, lrMax, count, steps, start, batch, seed, schedule, optimizers, compare, threads, plot, plotSteps })
        {
            command.Options.Add(option);
        }

        Emitter.AddTo(command, format, output);

        command.SetAction(result =>
        {
            var kind = Emitter.ReadFormat(result, format);
            PlotFlag.Check(result, plot);
            PlotFlag.Check(result, plotSteps);
            if (hyper.HasLr(result))
            {
                throw new InputException("--lr: a sweep tries a range of rates; use --lr-min and --lr-max");
            }

            var names = OptimizerNames(result, optimizers, compare, hyper);
            var theSurface = SurfaceCatalog.Resolve(result.GetValue(surface) ?? "bowl");
            var built = names.Select(name => hyper.Create(result, name)).ToArray();
            var spec = result.GetValue(schedule);
            var parsed = spec is null ? null : ScheduleFlag.Parse(spec);
            if (parsed is { Schedule: null })
            {
                throw new InputException("--schedule: ReduceLROnPlateau depends on each run's losses and cannot be swept; use 'lrlab simulate --schedule'");
            }

            var options = new SweepOptions
            {
                LrMin = Flags.Positive(result, lrMin) ?? SweepOptions.DefaultLrMin,
                LrMax = Flags.Positive(result, lrMax) ?? SweepOptions.DefaultLrMax,
                Count = Flags.Integer(result, count, 1, SweepOptions.MaxCount) ?? SweepOptions.DefaultCount,
                Steps = Flags.Integer(result, steps, 0, SimulationOptions.MaxSteps) ?? SimulationOptions.DefaultSteps,
                Start = Flags.Vector(result, start),
                BatchSize = Flags.Integer(result, batch, 1, 1_000_000) ?? 1,
                Seed = Flags.Integer(result, seed, int.MinValue, int.MaxValue) ?? 0,
                Schedule = parsed?.Schedule,
                MaxDegreeOfParallelism = Flags.Integer(result, threads, 1, 256) ?? Environment.ProcessorCount,
            };

            var comparison = Sweeper.Compare(theSurface, built, options);
            var single = names.Count == 1 ? comparison.Sweeps[0] : null;
            PlotFlag.Write(result, plot, () => Charts.Sweep(comparison));
            PlotFlag.Write(result, plotSteps, () => Charts.Sweep(comparison, SweepMetric.StepsToConverge));
            Emitter.Emit(
                result,
                kind,
                output,
                stdout,
                () => single is not null
                    ? JsonSerializer.Serialize(single, CliJson.Readable.SweepResult)
                    : JsonSerializer.Serialize(comparison, CliJson.Readable.SweepComparison),
                () => Csv(comparison, single is null),
                console => Table(console, comparison));
            return 0;
        });
        return command;
    }

    private static List<string> OptimizerNames(ParseResult result, Option<string> optimizers, Option<bool> compare, OptimizerFlags hyper)
    {
        var list = result.GetValue(optimizers);
        var switched = result.GetValue(compare);
        if (list is not null && switched)
        {
            throw new InputException("--optimizers and --compare-optimizers: give one or the other");
        }

        if (list is null && !switched)
        {
            return [OptimizerFactory.Info(hyper.Name(result)).Name];
        }

        if (result.GetValue(hyper.OptimizerOption) is not null)
        {
            throw new InputException("--optimizer: use --optimizers for several, not both");
        }

        var names = switched ? ComparisonSet : list!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0)
        {
            throw new InputException("--optimizers: give at least one optimizer name");
        }

        var known = new List<string>();
        foreach (var name in names)
        {
            var info = OptimizerFactory.Info(name);
            if (known.Contains(info.Name))
            {
                throw new InputException($"--optimizers: '{info.Name}' is listed twice");
            }

            known.Add(info.Name);
        }

        return known;
    }

    private static string Csv(SweepComparison comparison, bool withOptimizer)
    {
        string[] header = ["lr", "finalLoss", "stepsToConverge", "verdict", "pattern"];
        var csv = withOptimizer ? new Csv(["optimizer", .. header]) : new Csv(header);
        foreach (var sweep in comparison.Sweeps)
        {
            foreach (var row in sweep.Rows)
            {
                string[] cells =
                [
                    Output.Csv.Number(row.Lr),
                    Output.Csv.Number(row.FinalLoss),
                    row.StepsToConverge?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                    Json(row.Verdict),
                    Json(row.Pattern),
                ];
                csv.Row(withOptimizer ? [sweep.Optimizer, .. cells] : cells);
            }
        }

        return csv.ToString();
    }

    private static void Table(IAnsiConsole console, SweepComparison comparison)
    {
        var first = comparison.Sweeps[0];
        var theory = first.Theory;
        var summary = new Grid().AddColumn().AddColumn();
        summary.AddRow("surface", Markup.Escape(comparison.Surface));
        summary.AddRow("rates", Markup.Escape($"{first.Rows.Count} from {Fmt.G(first.Rows[0].Lr)} to {Fmt.G(first.Rows[^1].Lr)}, {comparison.Steps} steps each"));
        if (theory.StabilityLimit is { } limit)
        {
            summary.AddRow("theory", Markup.Escape($"1/λmax {Fmt.G(theory.MonotoneLimit)}, 2/(λmin+λmax) {Fmt.G(theory.OptimalRate)}, 2/λmax {Fmt.G(limit)}"));
        }

        console.Write(summary);
        console.WriteLine();

        var overview = new Table().AddColumns("optimizer", "too small below", "just right", "diverges from", "theory limit", "fastest rate");
        foreach (var sweep in comparison.Sweeps)
        {
            var right = sweep.Rows.Where(r => r.Verdict == Verdict.JustRight).ToArray();
            var small = sweep.Rows.Where(r => r.Verdict == Verdict.TooSmall).Select(r => r.Lr).DefaultIfEmpty(double.NaN).Max();
            overview.AddRow(
                sweep.Optimizer,
                Fmt.G(small),
                right.Length == 0 ? "none" : $"{Fmt.G(right.Min(r => r.Lr))} – {Fmt.G(right.Max(r => r.Lr))}",
                Fmt.G(sweep.DivergenceLimit),
                Fmt.G(sweep.Theory.Limit),
                Fmt.G(sweep.BestLr));
        }

        console.Write(overview);
        if (comparison.Sweeps.Count > 1)
        {
            return;
        }

        console.WriteLine();
        var table = new Table().AddColumns("lr", "final loss", "steps to converge", "verdict");
        foreach (var index in SimulateCommand.Sample(first.Rows.Count, 40))
        {
            var row = first.Rows[index];
            table.AddRow(Fmt.G(row.Lr), Fmt.G(row.FinalLoss), row.StepsToConverge?.ToString(CultureInfo.InvariantCulture) ?? "never", $"{Words.Verdict(row.Verdict)} ({Words.Pattern(row.Pattern)})");
        }

        console.Write(table);
    }

    private static string Json<T>(T value) where T : struct, Enum => JsonSerializer.Serialize(value, typeof(T), CliJson.Readable).Trim('"');
}
