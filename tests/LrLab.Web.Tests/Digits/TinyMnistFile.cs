using System.Buffers.Binary;
using System.IO.Compression;

namespace LrLab.Web.Tests.Digits;

/// <summary>Small digit files in the shipped format, for tests that go through the download and its check.</summary>
internal static class TinyMnistFile
{
    /// <summary>The bytes gzipped, as the site serves data/mnist.bin.gz.</summary>
    public static byte[] Gzip(byte[] bytes)
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return packed.ToArray();
    }

    /// <summary>An LRMN file (the content of data/mnist.bin.gz) of random digits, small enough for a unit test.</summary>
    public static byte[] Make(int train, int test, int seed)
    {
        var count = train + test;
        var bytes = new byte[24 + count + count * 784];
        "LRMN"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), 1);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), (uint)count);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(12), 28);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), 28);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(20), (uint)train);
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var label = (byte)random.Next(10);
            bytes[24 + i] = label;

            // A bright stripe whose place depends on the label, over noise: learnable, so the loss falls.
            var image = bytes.AsSpan(24 + count + i * 784, 784);
            random.NextBytes(image);
            for (var p = 0; p < 784; p++)
            {
                image[p] = (byte)(image[p] / 4);
            }

            image.Slice(label * 78, 78).Fill(255);
        }

        return bytes;
    }
}
