using System.IO.Compression;

namespace LrLab.Core.Training;

/// <summary>
/// The digits as they ship: <c>data/mnist.bin.gz</c>, the gzip of the LRMN file <see cref="MnistData"/>
/// reads (1.6 MB over the wire instead of 7.85 MB). The browser and the CLI read this same file. After
/// decompression the content must have exactly <see cref="Shipped"/>'s length and SHA-256 (the figures
/// <c>tools/convert_mnist.js</c> prints), so a damaged, truncated or swapped file is refused in one line
/// before any training starts.
/// </summary>
public static class DigitFile
{
    /// <summary>How many of the shipped file's digits are the training split (the rest, 2,000, are the test split).</summary>
    public const int ShippedTrainSamples = 8000;

    /// <summary>The decompressed length and SHA-256 of the shipped digits (data/README.md).</summary>
    public static DigitDigest Shipped { get; } = new(7_850_024, "6313b6b5408716679fec02b8e183fce8bc8fc05da85f6e22e9fa9bda6aa3c107");

    /// <summary>Reads, decompresses and checks the shipped digits, then parses them.</summary>
    public static Dataset Read(Stream stream) => Read(stream, Shipped);

    /// <summary>Reads, decompresses and checks a digit file against <paramref name="expected"/>, then parses it.</summary>
    public static Dataset Read(Stream stream, DigitDigest expected)
    {
        using var content = new MemoryStream(Unpack(stream, expected), writable: false);
        return MnistData.Read(content);
    }

    /// <summary>
    /// The LRMN bytes in <paramref name="stream"/>: gunzipped when the stream starts with gzip's magic
    /// bytes, as is otherwise (a static host that sent the file with <c>Content-Encoding: gzip</c> has
    /// already unpacked it). Throws <see cref="InputException"/> unless length and SHA-256 match.
    /// </summary>
    public static byte[] Unpack(Stream stream, DigitDigest expected)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var head = new byte[2];
        var headLength = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var gzip = headLength == 2 && head[0] == 0x1f && head[1] == 0x8b;
        var joined = new PrefixedStream(head.AsMemory(0, headLength), stream);
        using var source = gzip ? new GZipStream(joined, CompressionMode.Decompress) : (Stream)joined;

        // One byte more than expected tells a longer file from a matching one without reading it all.
        var content = new byte[expected.Length + 1];
        int length;
        try
        {
            length = source.ReadAtLeast(content, content.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException)
        {
            throw new InputException("the digit file is damaged: its gzip data is corrupt");
        }

        if (length != expected.Length)
        {
            throw new InputException(length > expected.Length
                ? $"the digit file is damaged: it holds more than the expected {expected.Length:N0} bytes"
                : $"the digit file is damaged or cut short: {length:N0} of {expected.Length:N0} bytes");
        }

        Array.Resize(ref content, length);
        var actual = DigitDigest.Of(content);
        if (!string.Equals(actual.Sha256, expected.Sha256, StringComparison.Ordinal))
        {
            throw new InputException($"the digit file is damaged: SHA-256 {actual.Sha256[..12]}… instead of {expected.Sha256[..12]}…");
        }

        return content;
    }

    /// <summary>Replays already-read bytes before the rest of a stream (so the gzip check needs no seeking).</summary>
    private sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : Stream
    {
        private ReadOnlyMemory<byte> _prefix = prefix;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_prefix.IsEmpty)
            {
                return rest.Read(buffer);
            }

            var n = Math.Min(buffer.Length, _prefix.Length);
            _prefix.Span[..n].CopyTo(buffer);
            _prefix = _prefix[n..];
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
