using System.CommandLine;
using LrLab.Cli.Output;
using LrLab.Core;
using LrLab.Core.Plotting;

namespace LrLab.Cli.Commands;

/// <summary>`--plot FILE.svg`: also write the result as an SVG chart (atomically), next to the normal output.</summary>
internal static class PlotFlag
{
    public static Option<string> Create(string name, string what) => Flags.Text(name, $"also write {what} as an SVG chart to this file");

    /// <summary>Fails before any work when the chart could not be written.</summary>
    public static void Check(ParseResult result, Option<string> option)
    {
        if (result.GetValue(option) is not { } path)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            throw new InputException($"{option.Name}: give a file name");
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is null || !Directory.Exists(directory))
        {
            throw new InputException($"{option.Name}: directory '{directory}' does not exist");
        }
    }

    public static void Write(ParseResult result, Option<string> option, Func<Chart> chart)
    {
        if (result.GetValue(option) is { } path)
        {
            Emitter.WriteAtomically(path, SvgWriter.Write(chart()));
        }
    }
}
