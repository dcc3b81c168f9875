using System.Security.Cryptography;

namespace LrLab.Core.Training;

/// <summary>What a digit file must be after decompression: its length in bytes and its SHA-256 (lower-case hex).</summary>
public readonly record struct DigitDigest(int Length, string Sha256)
{
    /// <summary>The digest of <paramref name="content"/>.</summary>
    public static DigitDigest Of(ReadOnlySpan<byte> content) =>
        new(content.Length, Convert.ToHexStringLower(SHA256.HashData(content)));
}
