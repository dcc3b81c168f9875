using System.Buffers.Binary;

namespace LrLab.Core.Training;

/// <summary>
/// Reads the LRMN digit format (the content of <c>data/mnist.bin.gz</c>, written by <c>tools/convert_mnist.js</c>; format in <c>data/README.md</c>):
/// a 24-byte header (<c>LRMN</c>, version 1, count, rows, columns, training count), the labels as bytes,
/// then the pixels as bytes. Pixels are scaled to [0, 1] by dividing by 255, as PyTorch's
/// <c>ToTensor</c> does. The first <c>trainCount</c> images are the training set, the rest the test set.
/// </summary>
public static class MnistData
{
    /// <summary>File name under <c>data/</c>: the gzip of the LRMN file, read and checked by <see cref="DigitFile"/>.</summary>
    public const string FileName = "mnist.bin.gz";

    private const int HeaderBytes = 24;
    private const int MaxImages = 1_000_000;

    /// <summary>
    /// Reads the whole file from <paramref name="stream"/>. Throws <see cref="InputException"/> when the
    /// stream is not such a file or is cut short.
    /// </summary>
    public static Dataset Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> header = stackalloc byte[HeaderBytes];
        ReadExactly(stream, header, "header");
        if (!header[..4].SequenceEqual("LRMN"u8))
        {
            throw new InputException("not an LR Lab MNIST file (the first bytes are not 'LRMN')");
        }

        var version = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        var count = BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
        var rows = BinaryPrimitives.ReadUInt32LittleEndian(header[12..]);
        var columns = BinaryPrimitives.ReadUInt32LittleEndian(header[16..]);
        var trainCount = BinaryPrimitives.ReadUInt32LittleEndian(header[20..]);
        if (version != 1)
        {
            throw new InputException($"unsupported MNIST file version {version} (expected 1)");
        }

        if (count is 0 or > MaxImages || rows is 0 or > 256 || columns is 0 or > 256 || trainCount == 0 || trainCount >= count)
        {
            throw new InputException($"corrupt MNIST file header (count {count}, {rows}×{columns}, train {trainCount})");
        }

        var features = (int)(rows * columns);
        var labels = new byte[count];
        ReadExactly(stream, labels, "labels");
        if (labels.AsSpan().IndexOfAnyInRange((byte)10, byte.MaxValue) is var bad and >= 0)
        {
            throw new InputException($"corrupt MNIST file: label {labels[bad]} of image {bad} is not a digit");
        }

        var pixels = new byte[checked((int)count * features)];
        ReadExactly(stream, pixels, "pixels");

        var train = (int)trainCount;
        var test = (int)count - train;
        return new Dataset(
            "mnist",
            new Samples(Scale(pixels.AsSpan(0, train * features)), labels[..train], features),
            new Samples(Scale(pixels.AsSpan(train * features, test * features)), labels[train..], features),
            10);
    }

    private static float[] Scale(ReadOnlySpan<byte> pixels)
    {
        var values = new float[pixels.Length];
        for (var i = 0; i < pixels.Length; i++)
        {
            values[i] = pixels[i] / 255f;
        }

        return values;
    }

    private static void ReadExactly(Stream stream, Span<byte> buffer, string part)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = stream.Read(buffer[total..]);
            if (read == 0)
            {
                throw new InputException($"MNIST file is cut short while reading the {part} ({total} of {buffer.Length} bytes)");
            }

            total += read;
        }
    }
}
