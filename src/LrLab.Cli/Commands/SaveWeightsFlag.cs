using System.CommandLine;
using LrLab.Core;
using LrLab.Core.Training;

namespace LrLab.Cli.Commands;

/// <summary>`--save-weights FILE`: the trained weights as safetensors (PyTorch's nn.Linear names and layout), written atomically.</summary>
internal static class SaveWeightsFlag
{
    public static Option<string> Create() => Flags.Text("--save-weights", "write the trained weights to this safetensors file (F32: fc1.weight [H,784], fc1.bias, fc2.weight [10,H], fc2.bias)");

    /// <summary>Fails before any training when the file could not be written.</summary>
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

    public static void Write(ParseResult result, Option<string> option, TrainingResult run, int inputs, int outputs)
    {
        if (result.GetValue(option) is not { } path)
        {
            return;
        }

        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = File.Create(temporary))
            {
                MlpSafetensors.Write(stream, run.Weights, inputs, run.Hidden, outputs);
            }

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
}
