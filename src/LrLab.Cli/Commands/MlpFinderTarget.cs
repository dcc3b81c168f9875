using LrLab.Core;
using LrLab.Core.Finder;
using LrLab.Core.Optimizers;

namespace LrLab.Cli.Commands;

/// <summary>Builds the range-test target for `--model mlp --data mnist`.</summary>
internal static class MlpFinderTarget
{
    public static IRangeTestTarget Create(IOptimizer optimizer, int hidden, int batchSize, int seed)
    {
        _ = (optimizer, hidden, batchSize, seed);
        throw new InputException("--model mlp: the MNIST network is not part of this build yet; use --surface");
    }
}
