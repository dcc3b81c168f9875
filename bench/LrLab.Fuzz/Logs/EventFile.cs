using System.Buffers.Binary;
using System.Text;

namespace LrLab.Fuzz.Logs;

/// <summary>
/// Writes TensorBoard event files from the format's specs, as tools/log_formats.py does and without any of our reader's
/// code: TFRecord framing (<c>uint64 length</c>, <c>uint32 masked_crc32c(length)</c>, <c>data</c>,
/// <c>uint32 masked_crc32c(data)</c>, little-endian) around Event protos encoded by hand from the .proto field numbers
/// (tensorflow/core/util/event.proto, summary.proto, tensor.proto, tensor_shape.proto).
/// </summary>
public static class EventFile
{
    /// <summary>The DataType enum of types.proto.</summary>
    public const int DtFloat = 1, DtDouble = 2, DtInt32 = 3, DtString = 7, DtInt64 = 9;

    private static readonly uint[] _table = Table();

    /// <summary>CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), bit by bit from its definition.</summary>
    public static uint Crc32C(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc = _table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return ~crc;
    }

    /// <summary>TensorFlow's masked CRC: rotate right by 15 bits, add 0xa282ead8.</summary>
    public static uint MaskedCrc(ReadOnlySpan<byte> data)
    {
        var crc = Crc32C(data);
        return unchecked(((crc >> 15) | (crc << 17)) + 0xa282ead8u);
    }

    /// <summary>One TFRecord around <paramref name="data"/>.</summary>
    public static byte[] Record(ReadOnlySpan<byte> data)
    {
        var record = new byte[12 + data.Length + 4];
        BinaryPrimitives.WriteUInt64LittleEndian(record, (ulong)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(8), MaskedCrc(record.AsSpan(0, 8)));
        data.CopyTo(record.AsSpan(12));
        BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(12 + data.Length), MaskedCrc(data));
        return record;
    }

    /// <summary>Rewrites a record header's length field and its checksum (a length that lies, but checks out).</summary>
    public static void SetLength(Span<byte> header, ulong length)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(header, length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], MaskedCrc(header[..8]));
    }

    /// <summary>Event{wall_time = 1 (double), step = 2 (int64, left out when 0 as proto3 does), file_version = 3, summary = 5}.</summary>
    public static byte[] Event(double wallTime, long step, byte[]? summary = null, string? fileVersion = null)
    {
        var proto = new Proto();
        proto.Fixed64(1, BitConverter.DoubleToInt64Bits(wallTime));
        if (step != 0)
        {
            proto.Varint(2, (ulong)step);
        }

        if (fileVersion is not null)
        {
            proto.Bytes(3, Encoding.UTF8.GetBytes(fileVersion));
        }

        if (summary is not null)
        {
            proto.Bytes(5, summary);
        }

        return proto.ToArray();
    }

    /// <summary>An event carrying a GraphDef (graph_def = 4): bytes the reader must skip.</summary>
    public static byte[] GraphEvent(double wallTime, byte[] graph)
    {
        var proto = new Proto();
        proto.Fixed64(1, BitConverter.DoubleToInt64Bits(wallTime));
        proto.Bytes(4, graph);
        return proto.ToArray();
    }

    /// <summary>Summary{value = 1 (repeated Summary.Value)}.</summary>
    public static byte[] Summary(IEnumerable<byte[]> values)
    {
        var proto = new Proto();
        foreach (var value in values)
        {
            proto.Bytes(1, value);
        }

        return proto.ToArray();
    }

    /// <summary>Summary.Value{tag = 1, simple_value = 2 (float)}: PyTorch's SummaryWriter.add_scalar.</summary>
    public static byte[] SimpleValue(string tag, float value)
    {
        var proto = new Proto();
        proto.Bytes(1, Encoding.UTF8.GetBytes(tag));
        proto.Fixed32(2, BitConverter.SingleToInt32Bits(value));
        return proto.ToArray();
    }

    /// <summary>Summary.Value{tag = 1, metadata = 9 (plugin "scalars"), tensor = 8}: tf.summary.scalar in TensorFlow 2.</summary>
    public static byte[] TensorValue(string tag, byte[] tensor)
    {
        var pluginData = new Proto();
        pluginData.Bytes(1, "scalars"u8.ToArray());
        var metadata = new Proto();
        metadata.Bytes(1, pluginData.ToArray());
        var proto = new Proto();
        proto.Bytes(1, Encoding.UTF8.GetBytes(tag));
        proto.Bytes(9, metadata.ToArray());
        proto.Bytes(8, tensor);
        return proto.ToArray();
    }

    /// <summary>Summary.Value{tag = 1, image = 4 (Summary.Image{height = 1, width = 2, encoded_image_string = 4})}: skipped by a scalar reader.</summary>
    public static byte[] ImageValue(string tag, byte[] png)
    {
        var image = new Proto();
        image.Varint(1, 1);
        image.Varint(2, 1);
        image.Bytes(4, png);
        var proto = new Proto();
        proto.Bytes(1, Encoding.UTF8.GetBytes(tag));
        proto.Bytes(4, image.ToArray());
        return proto.ToArray();
    }

    /// <summary>
    /// TensorProto{dtype = 1, tensor_shape = 2 (TensorShapeProto{dim = 2 {size = 1}}), tensor_content = 4 (raw
    /// little-endian), float_val = 5, double_val = 6, int_val = 7, int64_val = 10}.
    /// </summary>
    public static byte[] Tensor(int dtype, long[] shape, Action<Proto> values)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(values);
        var dims = new Proto();
        foreach (var size in shape)
        {
            var dim = new Proto();
            dim.Varint(1, (ulong)size);
            dims.Bytes(2, dim.ToArray());
        }

        var proto = new Proto();
        proto.Varint(1, (ulong)dtype);
        proto.Bytes(2, dims.ToArray());
        values(proto);
        return proto.ToArray();
    }

    private static uint[] Table()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0x82F63B78u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
