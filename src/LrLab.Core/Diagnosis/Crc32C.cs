using System.Numerics;

namespace LrLab.Core.Diagnosis;

/// <summary>
/// CRC-32C (Castagnoli), the checksum of TFRecord framing, and TensorFlow's masking of it: a CRC stored inside data
/// that is itself checksummed is rotated right by 15 bits and offset by 0xa282ead8, so that a CRC of a CRC does not
/// come out trivially.
/// </summary>
internal static class Crc32C
{
    private const uint MaskDelta = 0xa282ead8;

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        var i = 0;
        for (; i + 8 <= data.Length; i += 8)
        {
            crc = BitOperations.Crc32C(crc, BitConverter.ToUInt64(data.Slice(i, 8)));
        }

        for (; i < data.Length; i++)
        {
            crc = BitOperations.Crc32C(crc, data[i]);
        }

        return ~crc;
    }

    public static uint Masked(ReadOnlySpan<byte> data)
    {
        var crc = Compute(data);
        return ((crc >> 15) | (crc << 17)) + MaskDelta;
    }
}
