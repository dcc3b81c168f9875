using LrLab.Core;
using LrLab.Core.Training;

namespace LrLab.Cli.Commands;

/// <summary>
/// Finds, reads and checks (length and SHA-256 after decompression) data/mnist.bin.gz for `train` and `find`: `--data-file` if given, else the copy next to
/// the executable, else the same path in the current directory or any directory above it (a clone's root).
/// </summary>
internal static class MnistFile
{
    public static Dataset Load(string? explicitPath)
    {
        var path = explicitPath ?? Locate();
        if (!File.Exists(path))
        {
            throw new InputException($"--data-file: '{path}' does not exist");
        }

        using var stream = File.OpenRead(path);
        try
        {
            return DigitFile.Read(stream);
        }
        catch (InputException e)
        {
            throw new InputException(explicitPath is null ? $"{path}: {e.Message}" : $"--data-file: {path}: {e.Message}");
        }
    }

    public static string Locate()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data", MnistData.FileName);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InputException(
            $"--data mnist: cannot find data/{MnistData.FileName} next to lrlab or above the current directory (see data/README.md); pass --data-file PATH");
    }
}
