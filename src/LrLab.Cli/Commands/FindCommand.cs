using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LrLab.Cli.Output;
using LrLab.Core;
using LrLab.Core.Finder;
using LrLab.Core.Optimizers;
using LrLab.Core.Surfaces;
using LrLab.Core.Training;
using Spectre.Console;

namespace LrLab.Cli.Commands;

/// <summary>`lrlab find`: the LR range test on a surface or on the MNIST network.</summary>
internal static class FindCommand
{
    private const int PlotWidth = 64;

    public static Command Build(TextWriter stdout)
    {
        var command = new Command("find", "LR range test: raise the rate every mini-batch, record the loss, suggest a rate. Weights are restored afterwards.");
        var model = Flags.Text("--model", "the network to test: mlp (the MNIST multilayer perceptron)");
        var data = Flags.Text("--data", "the data for --model: mnist (default)");
        var dataFile = Flags.Text("--data-file", "path of mnist.bin.gz (default: data/mnist.bin.gz next to lrlab or above the current directory)");
        var surface = Flags.Text("--surface", "test on a loss surface instead: a built-in name or a formula in x and y");
        var start = Flags.Text("--start", "start point x,y on the surface (default: the surface's)");
        var hidden = Flags.Text("--hidden", $"hidden units of the MLP (default {TrainingOptions.DefaultHidden})");
        var startLr = Flags.Text("--start-lr", $"first rate (default {Fmt.Plain(RangeTestOptions.DefaultStartLr)})");
        var endLr = Flags.Text("--end-lr", $"last rate (default {Fmt.Plain(RangeTestOptions.DefaultEndLr)})");
        var numIter = Flags.Text("--num-iter", $"mini-batches, one rate each (default {RangeTestOptions.DefaultNumIter})");
        var mode = Flags.Text("--mode", "exp (geometric ramp, default) or linear");
        var beta = Flags.Text("--beta", $"smoothing factor of the loss average, in [0, 1) (default {Fmt.Plain(RangeTestOptions.DefaultBeta)}; 0 on a surface without gradient noise)");
        var batch = Flags.Text("--batch-size", $"mini-batch size (default {TrainingOptions.DefaultBatchSize} for the MLP, 1 for noisy surfaces)");
        var seed = Flags.Text("--seed", "seed for initialisation, shuffling and gradient noise (default 0)");
        var grid = Flags.Switch("--grid", "also train the optimizer's coarse grid (0.01/0.1/1, or 1e-4/1e-3/1e-2 for adaptive optimizers) and compare");
        var gridSteps = Flags.Text("--grid-steps", "mini-batches per grid run (default: one epoch for the MLP, 100 on a surface)");
        var format = Emitter.FormatOption();
        var output = Emitter.OutOption();
        var hyper = new OptimizerFlags(command);
        foreach (var option in new[] { model, data, dataFile, surface, start, hidden, startLr, endLr, numIter, mode, beta, batch, seed, gridSteps })
        {
            command.Options.Add(option);
        }

        command.Options.Add(grid);

        Emitter.AddTo(command, format, output);

        command.SetAction(result =>
        {
            var kind = Emitter.ReadFormat(result, format);
            var optimizer = hyper.Create(result);
            var seedValue = Flags.Integer(result, seed, int.MinValue, int.MaxValue) ?? 0;
            var batchSize = Flags.Integer(result, batch, 1, 1_000_000);
            var options = new RangeTestOptions
            {
                StartLr = Flags.Number(result, startLr) ?? RangeTestOptions.DefaultStartLr,
                EndLr = Flags.Number(result, endLr) ?? RangeTestOptions.DefaultEndLr,
                NumIter = Flags.Integer(result, numIter, 2, RangeTestOptions.MaxIterations) ?? RangeTestOptions.DefaultNumIter,
                Mode = ParseMode(result.GetValue(mode)),
            };
            if (result.GetValue(dataFile) is not null && result.GetValue(surface) is not null)
            {
                throw new InputException("--data-file applies to --model mlp, not to --surface");
            }

            Dataset? mnist = null;
            Dataset Mnist() => mnist ??= MnistFile.Load(result.GetValue(dataFile));
            var target = CreateTarget(result, model, data, surface, start, hidden, optimizer, batchSize, seedValue, Mnist, out var noisy);
            var gridBudget = Flags.Integer(result, gridSteps, 1, 1_000_000);
            if (gridBudget is not null && !result.GetValue(grid))
            {
                throw new InputException("--grid-steps needs --grid");
            }

            // Smoothing is there for mini-batch noise. A deterministic surface has none, and there the
            // average's memory (about 1/(1 − β) = 50 batches) would only drag the curve to the right.
            options = options with { Beta = Flags.Number(result, beta) ?? (noisy ? RangeTestOptions.DefaultBeta : 0.0) };
            options.Validate();

            using var disposable = target as IDisposable;
            var finder = new RangeTestRun(target, options);
            var progress = ProgressLine.ForTerminal(stdout);
            try
            {
                while (finder.Advance())
                {
                    progress?.Show(finder);
                }
            }
            finally
            {
                finder.Restore();
                progress?.Clear();
            }

            var found = finder.Complete();
            if (result.GetValue(grid))
            {
                var steps = gridBudget ?? (target is MlpRangeTestTarget mlp ? mlp.Trainer.StepsPerEpoch : 100);
                var comparison = CoarseGridComparison.Run(
                    () => CreateTarget(result, model, data, surface, start, hidden, hyper.Create(result), batchSize, seedValue, Mnist, out _),
                    CoarseGrid.For(optimizer.Name),
                    steps,
                    found.SuggestedLr,
                    Evaluate);
                found = found with { Grid = comparison };
            }

            Emitter.Emit(
                result,
                kind,
                output,
                stdout,
                () => JsonSerializer.Serialize(found, CliJson.Readable.FinderResult),
                () => Csv(found),
                console => Table(console, found, target));
            return 0;
        });
        return command;
    }

    private static IRangeTestTarget CreateTarget(
        ParseResult result,
        Option<string> model,
        Option<string> data,
        Option<string> surface,
        Option<string> start,
        Option<string> hidden,
        IOptimizer optimizer,
        int? batchSize,
        int seed,
        Func<Dataset> mnist,
        out bool noisy)
    {
        noisy = true;
        var modelName = result.GetValue(model);
        var dataName = result.GetValue(data);
        var surfaceText = result.GetValue(surface);
        if (surfaceText is not null && (modelName is not null || dataName is not null))
        {
            throw new InputException("--surface cannot be combined with --model/--data: test either a surface or the network");
        }

        if (surfaceText is not null)
        {
            if (result.GetValue(hidden) is not null)
            {
                throw new InputException("--hidden applies to --model mlp, not to --surface");
            }

            var theSurface = SurfaceCatalog.Resolve(surfaceText);
            noisy = theSurface.IsStochastic;
            return new SurfaceRangeTestTarget(theSurface, optimizer, Flags.Vector(result, start), batchSize ?? 1, seed);
        }

        if (modelName is null && dataName is null)
        {
            throw new InputException("find needs --surface S or --model mlp --data mnist");
        }

        if (!string.Equals(modelName ?? "mlp", "mlp", StringComparison.OrdinalIgnoreCase))
        {
            throw new InputException($"--model: unknown model '{modelName}' (valid: mlp)");
        }

        if (!string.Equals(dataName ?? "mnist", "mnist", StringComparison.OrdinalIgnoreCase))
        {
            throw new InputException($"--data: unknown data set '{dataName}' (valid: mnist)");
        }

        if (result.GetValue(start) is not null)
        {
            throw new InputException("--start applies to --surface, not to --model mlp");
        }

        return MlpRangeTestTarget.Create(mnist(), optimizer, Flags.Integer(result, hidden, 1, TrainingOptions.MaxHidden) ?? TrainingOptions.DefaultHidden, batchSize ?? TrainingOptions.DefaultBatchSize, seed);
    }

    private static (double? Loss, double? Accuracy) Evaluate(IRangeTestTarget target) => target switch
    {
        MlpRangeTestTarget mlp => mlp.Evaluate() is var (accuracy, loss) ? (loss, accuracy) : default,
        SurfaceRangeTestTarget point => (point.Loss, null),
        _ => (null, null),
    };

    private static RangeTestMode ParseMode(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "exp" or "exponential" => RangeTestMode.Exponential,
        "linear" => RangeTestMode.Linear,
        _ => throw new InputException($"--mode must be exp or linear, got '{text}'"),
    };

    private static string Csv(FinderResult r)
    {
        var csv = new Csv("step", "lr", "loss", "smoothedLoss", "region");
        for (var i = 0; i < r.Iterations; i++)
        {
            csv.Row(i.ToString(CultureInfo.InvariantCulture), Output.Csv.Number(r.Lrs[i]), Output.Csv.Number(r.Losses[i]), Output.Csv.Number(r.SmoothedLosses[i]), RegionName(r, i));
        }

        return csv.ToString();
    }

    private static string RegionName(FinderResult r, int index)
    {
        var region = r.Regions.FirstOrDefault(g => index >= g.Start && index < g.End);
        return region is null ? string.Empty : JsonSerializer.Serialize(region.Kind).Trim('"');
    }

    private static void Table(IAnsiConsole console, FinderResult r, IRangeTestTarget target)
    {
        var parameters = target.ParameterCount;
        var summary = new Grid().AddColumn().AddColumn();
        summary.AddRow("target", Markup.Escape($"{r.Target} ({parameters.ToString("N0", CultureInfo.InvariantCulture)} parameters)"));
        summary.AddRow("optimizer", Markup.Escape(r.Optimizer));
        var mode = r.Mode == RangeTestMode.Exponential ? "exp" : "linear";
        summary.AddRow("ramp", Markup.Escape($"{Fmt.G(r.StartLr)} → {Fmt.G(r.EndLr)} ({mode}), {r.Iterations} of {r.NumIter} mini-batches, {StopWords(r.StopReason)}"));
        summary.AddRow("suggested lr", r.SuggestedLr is { } s ? $"[bold]{Fmt.G(s)}[/] ({Markup.Escape(r.Method)})" : "none");
        summary.AddRow("lowest loss at", r.LowestLossLr is { } lowest ? $"{Fmt.G(lowest)} (÷10 = {Fmt.G(r.MinLossLr)})" : "-");
        summary.AddRow("climb starts at", r.ClimbLr is { } climb ? $"{Fmt.G(climb)} (10× below = {Fmt.G(r.BelowClimbLr)})" : "never");
        console.Write(summary);
        console.WriteLine();

        if (r.Iterations > 0)
        {
            var finite = r.SmoothedLosses.Where(double.IsFinite).ToArray();
            var low = finite.Length > 0 ? finite.Min() : 0;
            // Put the start two thirds of the way up, so both the dip and the climb show.
            var high = finite.Length > 0 && finite[0] > low ? finite[0] + 0.5 * (finite[0] - low) : low + 1;
            console.WriteLine("smoothed loss against the rate (log axis):");
            console.WriteLine("  " + TextPlot.Sparkline(r.SmoothedLosses, PlotWidth, low, high));
            var columns = Math.Min(PlotWidth, r.Iterations);
            var marks = new List<(int, char)>();
            if (r.ClimbLr is not null)
            {
                marks.Add((TextPlot.Column(Array.IndexOf(r.Lrs, r.ClimbLr.Value), r.Iterations, PlotWidth), '!'));
            }

            if (r.SuggestedLr is { } suggestion && Array.IndexOf(r.Lrs, suggestion) is var at and >= 0)
            {
                marks.Add((TextPlot.Column(at, r.Iterations, PlotWidth), '^'));
            }

            console.WriteLine("  " + TextPlot.Markers(columns, marks));
            var left = Fmt.G(r.Lrs[0]);
            var right = Fmt.G(r.Lrs[^1]);
            console.WriteLine("  " + left + new string(' ', Math.Max(1, columns - left.Length - right.Length)) + right);
            console.WriteLine("  ^ suggestion   ! climb starts");
            console.WriteLine();
        }

        console.WriteLine(r.Explanation);
        if (r.SuggestedLr is { } next && target is MlpRangeTestTarget mlp)
        {
            var sizes = mlp.Trainer.Model.Hidden == TrainingOptions.DefaultHidden ? string.Empty : $" --hidden {mlp.Trainer.Model.Hidden}";
            sizes += mlp.Trainer.BatchSize == TrainingOptions.DefaultBatchSize ? string.Empty : $" --batch-size {mlp.Trainer.BatchSize}";
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Next: lrlab train --model mlp --data mnist --optimizer {r.Optimizer} --lr {next:G3}{sizes}"));
        }

        console.WriteLine();

        var table = new Table().AddColumns("step", "lr", "loss", "smoothed", "region");
        foreach (var i in SimulateCommand.Sample(r.Iterations, 12))
        {
            table.AddRow(i.ToString(CultureInfo.InvariantCulture), Fmt.G(r.Lrs[i]), Fmt.G(r.Losses[i]), Fmt.G(r.SmoothedLosses[i]), RegionName(r, i));
        }

        console.Write(table);
        if (r.Grid is { } grid)
        {
            console.WriteLine();
            console.WriteLine($"Coarse grid, {grid.Runs[0].Steps} mini-batches each from the same start ({(grid.SuggestionNearBest ? "the suggestion lands on the best rate" : "the suggestion does not land on the best rate")}):");
            var rows = new Table().AddColumns("lr", "final train loss", "test loss", "test accuracy", "");
            foreach (var run in grid.Runs)
            {
                var notes = new List<string>();
                if (run.Lr == grid.BestLr)
                {
                    notes.Add("best");
                }

                if (run.Lr == grid.NearestGridLr)
                {
                    notes.Add("nearest to the suggestion");
                }

                if (run.Diverged)
                {
                    notes.Add("diverged");
                }

                rows.AddRow(Fmt.G(run.Lr), Fmt.G(run.FinalTrainLoss), Fmt.G(run.TestLoss), run.TestAccuracy is { } a ? a.ToString("P1", CultureInfo.InvariantCulture) : "-", string.Join(", ", notes));
            }

            console.Write(rows);
        }
    }

    private static string StopWords(RangeTestStop stop) => stop switch
    {
        RangeTestStop.Completed => "completed",
        RangeTestStop.Diverged => "stopped: loss above 4× its best",
        RangeTestStop.NonFinite => "stopped: loss not finite",
        _ => "cancelled",
    };
}
