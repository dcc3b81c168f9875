using LrLab.Core;
using LrLab.Core.Training;

namespace LrLab.Cli.Commands;

/// <summary>Finds data/mnist.bin: beside the program, or in a data/ folder of the working directory or one of its parents.</summary>
internal static class MnistFile
{
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

        throw new InputException($"--data mnist: cannot find data/{MnistData.FileName} (run from the repository, see data/README.md)");
    }
}
