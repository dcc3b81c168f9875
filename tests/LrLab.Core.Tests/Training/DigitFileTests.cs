using System.IO.Compression;
using LrLab.Core.Training;

namespace LrLab.Core.Tests.Training;

public class DigitFileTests
{
    private static readonly Lazy<byte[]> _packed = new(() => File.ReadAllBytes(TestData.MnistPath));

    [Fact]
    public void The_shipped_file_is_small_over_the_wire_and_unpacks_to_the_checked_digits()
    {
        Assert.InRange(_packed.Value.Length, 1_000_000, 2_500_000);
        Assert.Equal(1.6, Math.Round(_packed.Value.Length / 1e6, 1)); // the size the finder page's status line gives
        var content = DigitFile.Unpack(new MemoryStream(_packed.Value), DigitFile.Shipped);
        Assert.Equal(DigitFile.Shipped, DigitDigest.Of(content));
        Assert.Equal("LRMN"u8.ToArray(), content[..4]);
    }

    [Fact]
    public void Content_a_host_already_unpacked_is_read_as_is()
    {
        var content = DigitFile.Unpack(new MemoryStream(_packed.Value), DigitFile.Shipped);
        var data = DigitFile.Read(new MemoryStream(content));
        Assert.Equal((8000, 2000), (data.Train.Count, data.Test.Count));
    }

    [Fact]
    public void The_shipped_training_split_has_the_size_the_constant_states()
    {
        var data = DigitFile.Read(new MemoryStream(_packed.Value));
        Assert.Equal(DigitFile.ShippedTrainSamples, data.Train.Count);
    }

    [Fact]
    public void A_file_cut_short_in_transit_is_refused_in_one_line()
    {
        var cut = _packed.Value[..(_packed.Value.Length / 2)];
        var e = Assert.Throws<InputException>(() => DigitFile.Read(new MemoryStream(cut)));
        Assert.Contains("damaged", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void One_changed_pixel_is_caught_by_the_hash()
    {
        var content = DigitFile.Unpack(new MemoryStream(_packed.Value), DigitFile.Shipped);
        content[^1] ^= 1;
        var e = Assert.Throws<InputException>(() => DigitFile.Read(new MemoryStream(Gzip(content))));
        Assert.Contains("SHA-256", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_longer_file_is_refused()
    {
        var content = DigitFile.Unpack(new MemoryStream(_packed.Value), DigitFile.Shipped);
        var e = Assert.Throws<InputException>(() => DigitFile.Read(new MemoryStream(Gzip([.. content, 0]))));
        Assert.Contains("more than", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_gzip_data_is_refused()
    {
        var bad = (byte[])_packed.Value.Clone();
        bad.AsSpan(1000, 5000).Fill(0x55);
        var e = Assert.Throws<InputException>(() => DigitFile.Read(new MemoryStream(bad)));
        Assert.Contains("damaged", e.Message, StringComparison.Ordinal);
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var packed = new MemoryStream();
        using (var gzip = new GZipStream(packed, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return packed.ToArray();
    }
}
