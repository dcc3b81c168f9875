using LrLab.Core.Training;

namespace LrLab.Cli.Commands;

/// <summary>Loads the MNIST digits for `--model mlp --data mnist`.</summary>
internal static class MlpFinderTarget
{
    public static Dataset Load()
    {
        using var stream = File.OpenRead(MnistFile.Locate());
        return MnistData.Read(stream);
    }
}
