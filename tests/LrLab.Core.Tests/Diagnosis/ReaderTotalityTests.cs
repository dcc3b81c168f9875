using System.Buffers.Binary;
using System.Text;
using CsCheck;
using LrLab.Core.Diagnosis;

namespace LrLab.Core.Tests.Diagnosis;

/// <summary>Any bytes give a log or a one-line <see cref="InputException"/>: never another exception, never a hang.</summary>
public sealed class ReaderTotalityTests
{
    private static readonly byte[] _events = File.ReadAllBytes(
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Formats", "tb-logdir", "lr0.01"))[0]);

    private static void ReadOrRefuse(byte[] bytes)
    {
        try
        {
            foreach (var log in LossLogReader.Read(new MemoryStream(bytes)))
            {
                Assert.Equal(log.Losses.Count, log.Steps.Count);
                _ = Diagnoser.Diagnose(log);
            }
        }
        catch (InputException e)
        {
            Assert.DoesNotContain('\n', e.Message);
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
        }
    }

    [Fact]
    public void Random_bytes_are_read_or_refused() =>
        Gen.Byte.Array[0, 300].Sample(ReadOrRefuse, iter: 2000);

    [Fact]
    public void An_event_file_with_any_byte_changed_or_cut_anywhere_is_read_or_refused_with_an_offset() =>
        Gen.Select(Gen.Int[0, _events.Length - 1], Gen.Byte, Gen.Int[0, _events.Length]).Sample((at, value, cut) =>
        {
            var bytes = _events[..cut];
            if (at < bytes.Length)
            {
                bytes[at] = value;
            }

            ReadOrRefuse(bytes);
        }, iter: 300);

    [Fact]
    public void Random_text_in_every_format_shape_is_read_or_refused() =>
        Gen.OneOf(
            Gen.String[Gen.Char["0123456789.,-eE nNaIif\"\n\t;"], 0, 200],
            Gen.String[Gen.Char["{}[]\":,0123456789. NaInfylog_hstrx-\n"], 0, 200].Select(s => "{\"log_history\": [" + s),
            Gen.String[Gen.Char["\"0123456789.,- abcloss_MINAX\n"], 0, 200].Select(s => "\"Step\",\"a - loss\",\"a - loss__MIN\"\n" + s))
        .Sample(text => ReadOrRefuse(Encoding.UTF8.GetBytes(text)), iter: 2000);
    // Found by the loss-log fuzz target (docs/fuzzing.md): a damaged 4 KB event file whose first record header
    // claimed 268,435,452 bytes, its checksum matching, made the reader allocate 256 MB before it found the file cut short.
    [Theory]
    [InlineData(268_435_452UL)]
    [InlineData(200_000_000UL)]
    [InlineData(5_000_000UL)]
    public void A_header_claiming_megabytes_costs_only_what_the_file_holds(ulong claimed)
    {
        var bytes = (byte[])_events.Clone();
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, claimed);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), Crc32C.Masked(bytes.AsSpan(0, 8)));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<InputException>(() => LossLogReader.Read(new MemoryStream(bytes)));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.StartsWith($"byte {bytes.Length}: the file ends inside record 1", e.Message, StringComparison.Ordinal);
        Assert.True(allocated < 8L * bytes.Length + (1 << 20), $"{allocated:N0} bytes allocated to read a {bytes.Length:N0}-byte file");
    }
    // Found by the loss-log fuzz target: an event file cut after its first record (the file_version event) was refused
    // with a message naming no place; whole-file problems name byte 0, as text logs name line 1.
    [Fact]
    public void An_event_file_without_scalars_is_refused_naming_byte_0()
    {
        var first = 12 + (int)BinaryPrimitives.ReadUInt64LittleEndian(_events) + 4;
        var e = Assert.Throws<InputException>(() => LossLogReader.Read(new MemoryStream(_events[..first])));
        Assert.StartsWith("byte 0: the event file holds no scalar summaries", e.Message, StringComparison.Ordinal);
    }
}
