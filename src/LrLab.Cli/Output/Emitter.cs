using System.CommandLine;
using System.Text;
using LrLab.Core;
using Spectre.Console;

namespace LrLab.Cli.Output;

/// <summary>The `--format` and `--out` options every command shares, and the atomic writer behind them.</summary>
internal static class Emitter
{
    public static Option<string> FormatOption() => new("--format") { Description = "json, csv or table (default table)" };

    public static Option<string> OutOption() => new("--out") { Description = "write to this file (atomically) instead of stdout" };

    public static void AddTo(Command command, Option<string> format, Option<string> output)
    {
        command.Options.Add(format);
        command.Options.Add(output);
    }

    /// <summary>Checks `--format` up front, before any work is done.</summary>
    public static string ReadFormat(ParseResult result, Option<string> format)
    {
        var value = (result.GetValue(format) ?? "table").ToLowerInvariant();
        return value is "json" or "csv" or "table"
            ? value
            : throw new InputException($"--format must be json, csv or table, got '{result.GetValue(format)}'");
    }

    /// <summary>Renders the chosen format and sends it to stdout or to `--out`.</summary>
    public static void Emit(ParseResult result, string format, Option<string> output, TextWriter stdout, Func<string> json, Func<string> csv, Action<IAnsiConsole> table)
    {
        var path = result.GetValue(output);
        var toTerminal = path is null && ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
        var text = format switch
        {
            "json" => json() + "\n",
            "csv" => csv(),
            _ => RenderTable(table, toTerminal),
        };

        if (path is null)
        {
            stdout.Write(text);
            stdout.Flush();
            return;
        }

        WriteAtomically(path, text);
    }

    /// <summary>Writes to a temporary file beside the target, then renames it over the target: readers never see half a file.</summary>
    public static void WriteAtomically(string path, string text)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? ".";
        if (!Directory.Exists(directory))
        {
            throw new InputException($"--out: directory '{directory}' does not exist");
        }

        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, text, new UTF8Encoding(false));
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static string RenderTable(Action<IAnsiConsole> table, bool toTerminal)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = toTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = toTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        if (!toTerminal)
        {
            console.Profile.Width = 140;
        }

        table(console);

        // Spectre pads every grid cell to its column width; the padding after the last cell is noise in a file or a diff.
        var lines = writer.ToString().Split('\n');
        return string.Join('\n', lines.Select(line => line.TrimEnd(' ')));
    }
}
