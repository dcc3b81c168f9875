using System.Diagnostics;
using System.Globalization;
using LrLab.Core.Finder;
using LrLab.Core.Optimizers;
using LrLab.Core.Training;

namespace LrLab.Bench;

/// <summary>
/// The range test the finder page runs in the browser (784-128-10 MLP, batch 64, 100 mini-batches from 1e-7
/// to 10, SGD), timed natively in-process: best of a few runs after a warm-up, data loading excluded.
/// bench/peers/pytorch_finder.py runs the same test with PyTorch; bench/finder_browser.sh runs all three.
/// Run: dotnet run -c Release --project bench/LrLab.Bench -- finder-race [hidden] [repeats]
/// </summary>
internal static class FinderRace
{
    public static void Run(string[] args)
    {
        var hidden = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 128;
        var repeats = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        Dataset data;
        using (var stream = File.OpenRead(Locate()))
        {
            data = DigitFile.Read(stream);
        }

        FinderResult Once()
        {
            using var target = MlpRangeTestTarget.Create(data, OptimizerFactory.Create("sgd", new OptimizerOptions()), hidden, 64, seed: 0);
            return RangeTest.Run(target);
        }

        Once();
        var best = double.PositiveInfinity;
        FinderResult? result = null;
        for (var r = 0; r < repeats; r++)
        {
            var watch = Stopwatch.StartNew();
            result = Once();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lrlab_finder seconds={best:F3} iterations={result!.Iterations} hidden={hidden} suggested={result.SuggestedLr:G3}"));
    }

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "data", MnistData.FileName);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException("data/mnist.bin.gz not found; run from the repository");
    }
}
