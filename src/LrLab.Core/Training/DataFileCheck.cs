using System.Globalization;
using System.Security.Cryptography;

namespace LrLab.Core.Training;

/// <summary>
/// What a shipped data file must be, byte for byte, once read (and decompressed, if it ever ships compressed): its
/// length and SHA-256. The CLI and the browser both check the digits against <see cref="Digits"/> before training, so
/// a cut-short download or a damaged copy is reported in one line instead of training on garbage.
/// </summary>
/// <param name="Name">How messages name the file.</param>
/// <param name="Length">Its length in bytes.</param>
/// <param name="Sha256">Its SHA-256, lowercase hex.</param>
public sealed record DataFileCheck(string Name, long Length, string Sha256)
{
    /// <summary>data/mnist.bin as tools/convert_mnist.js writes it (24-byte header, 10,000 labels, 10,000 × 784 pixels).</summary>
    public static DataFileCheck Digits { get; } =
        new("data/" + MnistData.FileName, 7_850_024, "6313b6b5408716679fec02b8e183fce8bc8fc05da85f6e22e9fa9bda6aa3c107");

    /// <summary>The check a given file passes (for tests that serve a file of their own).</summary>
    public static DataFileCheck Of(string name, ReadOnlySpan<byte> bytes) => new(name, bytes.Length, Hash(bytes));

    /// <summary>What is wrong with <paramref name="bytes"/> as this file, in one line, or null when they are the file.</summary>
    public string? Problem(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{Name} is damaged: it has {bytes.Length:N0} bytes instead of {Length:N0}");
        }

        return Hash(bytes) == Sha256 ? null : $"{Name} is damaged: its SHA-256 is not the shipped file's ({Sha256[..12]}…)";
    }

    /// <summary>Throws an <see cref="InputException"/> with <see cref="Problem"/> when the bytes are not this file.</summary>
    public void Verify(ReadOnlySpan<byte> bytes)
    {
        if (Problem(bytes) is { } problem)
        {
            throw new InputException(problem);
        }
    }

    private static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
