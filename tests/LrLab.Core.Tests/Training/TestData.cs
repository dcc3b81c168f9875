using LrLab.Core.Training;

namespace LrLab.Core.Tests.Training;

/// <summary>The repository's data/mnist.bin.gz, read, checked once per test run.</summary>
internal static class TestData
{
    private static readonly Lazy<Dataset> _mnist = new(() =>
    {
        using var stream = File.OpenRead(MnistPath);
        return DigitFile.Read(stream);
    });

    public static Dataset Mnist => _mnist.Value;

    /// <summary>A fresh copy of the file's unpacked LRMN bytes (what <see cref="MnistData"/> parses).</summary>
    public static byte[] MnistContent()
    {
        using var stream = File.OpenRead(MnistPath);
        return DigitFile.Unpack(stream, DigitFile.Shipped);
    }

    public static string MnistPath
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data", MnistData.FileName);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException("data/mnist.bin.gz not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>A small random problem: rows × features inputs in [0, 1) and labels below classes.</summary>
    public static (float[] Inputs, byte[] Labels) Random(int rows, int features, int classes, int seed)
    {
        var random = new Random(seed);
        var inputs = new float[rows * features];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = random.NextSingle();
        }

        var labels = new byte[rows];
        for (var i = 0; i < rows; i++)
        {
            labels[i] = (byte)random.Next(classes);
        }

        return (inputs, labels);
    }
}
