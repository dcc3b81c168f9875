using System.Buffers.Binary;
using CsCheck;

namespace LrLab.Fuzz.Logs;

/// <summary>How logs get damaged: cut downloads, flipped bits, bad checksums, lying length fields, edited text.</summary>
public static class Damage
{
    private static readonly string[] _pieces =
        ["0.5", "nan", "-inf", ",", "\n", "\r\n", "\"", "[", "]", "{", "}", ":", "\"loss\"", "loss", "step", "x", " ", "#", "1e999", "\t", ";", "null", "true", "\0", "\ufeff", " - ", "NaN", "Infinity", "\"log_history\": [", "1765000000000 ", "__MIN", "epoch"];

    /// <summary>Lengths a damaged header may claim: past the end, at and over the reader's limit, beyond any file.</summary>
    private static readonly ulong[] _hugeLengths =
        [1UL << 20, 200_000_000, (256UL << 20) - 4, 256UL << 20, (256UL << 20) + 1, int.MaxValue, 1UL << 32, (1UL << 32) + 5, long.MaxValue, ulong.MaxValue];

    /// <summary>A text log cut short, with a piece inserted or replaced, or upper-cased from some point on.</summary>
    public static Gen<LogCase> Text(Gen<LogCase> written) =>
        Gen.Select(written, Gen.Int[0, 3], Gen.Int[0, int.MaxValue], Gen.OneOf<string>(_pieces)).Select((w, how, at, piece) =>
        {
            var text = w.Text!;
            var i = text.Length == 0 ? 0 : at % text.Length;
            var damaged = how switch
            {
                0 => text[..i],
                1 => text[..i] + piece + text[i..],
                2 => text[..i] + piece + (i + 1 < text.Length ? text[(i + 1)..] : string.Empty),
                _ => text[..i] + text[i..].ToUpperInvariant(),
            };
            return LogCase.FromText(w.Kind + $" damaged ({how} at {i})", damaged, null);
        });

    /// <summary>
    /// An event file cut at any byte, with bits flipped, a checksum or length field wrong (a length that lies but
    /// checks out, or one of several huge ones), a record's proto bytes changed under valid framing, a record of random
    /// bytes, or garbage after the last record.
    /// </summary>
    public static Gen<LogCase> Events { get; } =
        Gen.Select(EventLogs.File, Gen.Int[0, 9], Gen.Int[0, int.MaxValue], Gen.Byte.Array[1, 64], Gen.OneOf<ulong>(_hugeLengths))
            .Select((log, how, at, noise, huge) => Apply(log, how, at, noise, huge));

    public static LogCase Apply(EventLog log, int how, int at, byte[] noise, ulong huge)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(noise);
        var bytes = (byte[])log.Bytes.Clone();
        var k = at % log.RecordStarts.Length;
        var start = log.RecordStarts[k];
        var end = k + 1 < log.RecordStarts.Length ? log.RecordStarts[k + 1] : bytes.Length;
        var dataLength = end - start - 16;
        string what;
        switch (how)
        {
            case 0:
                var cut = at % bytes.Length;
                bytes = bytes[..cut];
                what = $"cut at byte {cut}";
                break;
            case 1:
                foreach (var n in noise.Take(3))
                {
                    var bit = (int)((at + (n * 7919L)) % (bytes.Length * 8L));
                    bytes[bit / 8] ^= (byte)(1 << (bit % 8));
                }

                what = $"{Math.Min(3, noise.Length)} bits flipped";
                break;
            case 2:
                bytes[end - 1 - (at % 4)] ^= (byte)(noise[0] | 1);
                what = $"record {k + 1}: wrong data checksum";
                break;
            case 3:
                bytes[start + 8 + (at % 4)] ^= (byte)(noise[0] | 1);
                what = $"record {k + 1}: wrong length checksum";
                break;
            case 4:
                var length = (ulong)(noise[0] % ((2 * dataLength) + 17));
                length = length == (ulong)dataLength ? length + 1 : length;
                EventFile.SetLength(bytes.AsSpan(start, 12), length);
                what = $"record {k + 1}: length {length} instead of {dataLength} (checksum matches)";
                break;
            case 5:
                EventFile.SetLength(bytes.AsSpan(start, 12), huge);
                what = $"record {k + 1}: length {huge} (checksum matches)";
                break;
            case 6 or 7:
                var data = bytes[(start + 12)..(end - 4)];
                if (how == 6 && data.Length > 0)
                {
                    foreach (var n in noise.Take(4))
                    {
                        data[(int)((at + (n * 31L)) % data.Length)] ^= n == 0 ? (byte)0x80 : n;
                    }
                }
                else
                {
                    data = noise;
                }

                bytes = [.. bytes[..start], .. EventFile.Record(data), .. bytes[end..]];
                what = how == 6 ? $"record {k + 1}: proto bytes changed, framing valid" : $"record {k + 1}: random bytes, framing valid";
                break;
            case 8:
                bytes = [.. bytes, .. noise];
                what = $"{noise.Length} bytes of garbage after the last record";
                break;
            default:
                var header = bytes.AsSpan(start, 12);
                var claimed = BinaryPrimitives.ReadUInt64LittleEndian(header);
                bytes = [.. bytes[..start], .. EventFile.Record(noise.Length % 2 == 0 ? [] : [0x08, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]), .. bytes[start..]];
                what = $"an empty or overlong-varint record before record {k + 1} ({claimed} bytes)";
                break;
        }

        return new LogCase("tensorboard-events damaged: " + what, bytes, null, null);
    }
}
