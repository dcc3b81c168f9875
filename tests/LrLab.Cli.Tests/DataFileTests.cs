using System.IO.Compression;

namespace LrLab.Cli.Tests;

/// <summary>`--data-file` must be the shipped digits: a cut-short or altered copy is refused in one line before training.</summary>
public sealed class DataFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lrlab-data-").FullName;

    private static string Shipped()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", "mnist.bin.gz");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("data/mnist.bin.gz not found above " + AppContext.BaseDirectory);
    }

    private static byte[] Unpacked()
    {
        using var gzip = new GZipStream(File.OpenRead(Shipped()), CompressionMode.Decompress);
        using var content = new MemoryStream();
        gzip.CopyTo(content);
        return content.ToArray();
    }

    [Fact]
    public void A_cut_short_copy_is_refused_with_its_length()
    {
        var bytes = Unpacked();
        var path = Path.Combine(_dir, "short.bin");
        File.WriteAllBytes(path, bytes[..^100]);

        var line = CliRunner.RefusedLine("train", "--steps", "1", "--data-file", path);

        Assert.Equal($"--data-file: {path}: the digit file is damaged or cut short: 7,849,924 of 7,850,024 bytes", line.Replace("error: ", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void A_copy_with_one_pixel_changed_is_refused_by_its_hash()
    {
        var bytes = Unpacked();
        bytes[^1] ^= 0x40;
        var path = Path.Combine(_dir, "flipped.bin");
        File.WriteAllBytes(path, bytes);

        var line = CliRunner.RefusedLine("find", "--model", "mlp", "--optimizer", "sgd", "--num-iter", "10", "--data-file", path);

        Assert.Contains($"--data-file: {path}: the digit file is damaged: SHA-256 ", line, StringComparison.Ordinal);
        Assert.EndsWith("instead of 6313b6b54087…", line, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
