using LrLab.Core.Finder;
using LrLab.Core.Optimizers;
using LrLab.Core.Training;

namespace LrLab.Cli.Commands;

/// <summary>Builds the range-test target for `--model mlp --data mnist`.</summary>
internal static class MlpFinderTarget
{
    public static MlpRangeTestTarget Create(IOptimizer optimizer, int hidden, int batchSize, int seed)
    {
        using var stream = File.OpenRead(MnistFile.Locate());
        return MlpRangeTestTarget.Create(MnistData.Read(stream), optimizer, hidden, batchSize, seed);
    }
}
