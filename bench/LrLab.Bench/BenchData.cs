using LrLab.Core.Training;

namespace LrLab.Bench;

/// <summary>data/mnist.bin.gz for the benchmarks: $LRLAB_MNIST, else found above the working or program directory.</summary>
internal static class BenchData
{
    public static Dataset LoadMnist()
    {
        var path = Environment.GetEnvironmentVariable("LRLAB_MNIST") ?? Find();
        using var stream = File.OpenRead(path);
        return DigitFile.Read(stream);
    }

    private static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
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

        throw new FileNotFoundException("data/mnist.bin.gz not found; set LRLAB_MNIST");
    }
}
