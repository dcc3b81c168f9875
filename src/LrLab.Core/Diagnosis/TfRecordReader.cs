using System.Buffers.Binary;
using System.Globalization;

namespace LrLab.Core.Diagnosis;

/// <summary>
/// TFRecord framing, record after record: <c>uint64 length</c>, <c>uint32 masked_crc32c(length)</c>,
/// <c>byte data[length]</c>, <c>uint32 masked_crc32c(data)</c>, all little-endian. Both checksums are checked; a
/// damaged or cut-off file stops with an <see cref="InputException"/> that names the byte offset.
/// </summary>
internal sealed class TfRecordReader(Stream stream)
{
    /// <summary>The largest record read (a scalar event is a few dozen bytes; images and graphs can be megabytes).</summary>
    public const int MaxRecord = 256 * 1024 * 1024;

    private readonly byte[] _header = new byte[12];
    private byte[] _data = new byte[4096];

    /// <summary>Byte offset of the record last returned.</summary>
    public long Offset { get; private set; }

    /// <summary>How many records were returned.</summary>
    public int Records { get; private set; }

    private long _position;

    /// <summary>True when the first 12 bytes are a TFRecord header whose length checksum matches.</summary>
    public static bool LooksLikeTfRecord(ReadOnlySpan<byte> first12) =>
        first12.Length >= 12 && Crc32C.Masked(first12[..8]) == BinaryPrimitives.ReadUInt32LittleEndian(first12[8..12]);

    /// <summary>The next record's payload (valid until the next call), or false at a clean end of file.</summary>
    public bool Next(out ReadOnlyMemory<byte> record)
    {
        Offset = _position;
        var got = Fill(_header, 12);
        if (got == 0)
        {
            record = default;
            return false;
        }

        if (got < 12)
        {
            throw Bad(_position + got, $"the file ends inside the header of record {Records + 1} (truncated)");
        }

        if (Crc32C.Masked(_header.AsSpan(0, 8)) != BinaryPrimitives.ReadUInt32LittleEndian(_header.AsSpan(8)))
        {
            throw Bad(Offset, $"record {Records + 1}: the length checksum does not match (corrupt file)");
        }

        var length = BinaryPrimitives.ReadUInt64LittleEndian(_header);
        if (length > MaxRecord)
        {
            throw Bad(Offset, $"record {Records + 1} claims {length:N0} bytes, more than the {MaxRecord / (1024 * 1024)} MB this reader accepts");
        }

        var size = (int)length;
        _position += 12;
        got = FillData(size + 4);
        if (got < size + 4)
        {
            throw Bad(_position + got, $"the file ends inside record {Records + 1} ({got:N0} of {size + 4:N0} bytes; truncated)");
        }

        if (Crc32C.Masked(_data.AsSpan(0, size)) != BinaryPrimitives.ReadUInt32LittleEndian(_data.AsSpan(size)))
        {
            throw Bad(_position, $"record {Records + 1}: the data checksum does not match (corrupt file)");
        }

        _position += size + 4;
        Records++;
        record = _data.AsMemory(0, size);
        return true;
    }

    internal static InputException Bad(long offset, string message) =>
        new(string.Create(CultureInfo.InvariantCulture, $"byte {offset}: {message}"));

    /// <summary>
    /// Reads a record's data and checksum into <see cref="_data"/>, growing it only as bytes arrive: a header that
    /// claims hundreds of megabytes in a small (damaged) file costs what the file holds, not what it claims.
    /// </summary>
    private int FillData(int count)
    {
        var total = 0;
        while (total < count)
        {
            if (total == _data.Length)
            {
                Array.Resize(ref _data, (int)Math.Min(count, 2L * _data.Length));
            }

            var read = stream.Read(_data, total, Math.Min(count, _data.Length) - total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    private int Fill(byte[] buffer, int count)
    {
        var total = 0;
        while (total < count)
        {
            var read = stream.Read(buffer, total, count - total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
