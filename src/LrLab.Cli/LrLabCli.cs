using System.CommandLine;
using LrLab.Cli.Commands;
using LrLab.Core;

namespace LrLab.Cli;

/// <summary>The `lrlab` command: builds the command tree and turns every failure into one line and an exit code.</summary>
public static class LrLabCli
{
    /// <summary>Exit code for bad input of any kind.</summary>
    public const int BadInput = 2;

    /// <summary>Runs the CLI with the given arguments; returns the process exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TextReader? stdin = null)
    {
        var root = new RootCommand("LR Lab: simulate, sweep and schedule learning rates with PyTorch-exact optimizers.");
        root.Subcommands.Add(SurfacesCommand.Build(stdout));
        root.Subcommands.Add(SimulateCommand.Build(stdout));
        root.Subcommands.Add(ScheduleCommand.Build(stdout));
        root.Subcommands.Add(TrainCommand.Build(stdout, stderr));
        root.Subcommands.Add(FindCommand.Build(stdout));
        root.Subcommands.Add(DiagnoseCommand.Build(stdout, stdin));
        root.Subcommands.Add(SweepCommand.Build(stdout));

        ParseResult parsed;
        try
        {
            parsed = root.Parse(args);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            stderr.WriteLine($"error: {OneLine(e.Message)}");
            return BadInput;
        }

        if (parsed.Errors.Count > 0)
        {
            var messages = parsed.Errors.Select(e => OneLine(e.Message)).Distinct();
            stderr.WriteLine($"error: {string.Join(" ", messages)} (see 'lrlab --help')");
            return BadInput;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (InputException e)
        {
            stderr.WriteLine($"error: {OneLine(e.Worded(Flags.For))}");
            return BadInput;
        }
        catch (IOException e)
        {
            stderr.WriteLine($"error: {OneLine(e.Message)}");
            return BadInput;
        }
        catch (UnauthorizedAccessException e)
        {
            stderr.WriteLine($"error: {OneLine(e.Message)}");
            return BadInput;
        }
#pragma warning disable CA1031 // The CLI promises one line and never a stack trace, whatever went wrong.
        catch (Exception e)
#pragma warning restore CA1031
        {
            stderr.WriteLine($"error: internal failure ({e.GetType().Name}): {OneLine(e.Message)}");
            return 1;
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
