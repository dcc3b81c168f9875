using LrLab.Core.Diagnosis;

namespace LrLab.Core.Tests.Diagnosis;

/// <summary>The chunked list keeps every value across its first chunk's growth and its chunk boundaries.</summary>
public sealed class ChunkedValuesTests
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(255, false)]
    [InlineData(256, false)]
    [InlineData(257, true)]
    [InlineData(65_535, false)]
    [InlineData(65_536, true)]
    [InlineData(65_537, false)]
    [InlineData(140_001, true)]
    public void Every_value_reads_back_in_order(int count, bool compactRuns)
    {
        var values = new ChunkedValues(compactRuns);
        var expected = new double[count];
        for (var i = 0; i < count; i++)
        {
            // Evenly spaced for the first half (kept as start and stride when compact), then not: materialised mid-way.
            expected[i] = i < count / 2 ? 3.0 * i : Math.Sqrt(i);
            values.Add(expected[i]);
        }

        Assert.Equal(expected, values);
        var copy = new double[count];
        values.CopyTo(copy);
        Assert.Equal(expected, copy);
        Assert.Equal(expected[^1], values.Last);
    }

    // Found by the loss-log fuzz target (docs/fuzzing.md): every series started with a 512 KB chunk, so a small log
    // (a TensorBoard file with five tags keeps ten series) cost megabytes; the first chunk now grows with the values.
    [Fact]
    public void A_few_hundred_values_cost_kilobytes_not_a_whole_chunk()
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var values = new ChunkedValues();
        for (var i = 0; i < 300; i++)
        {
            values.Add(Math.Sqrt(i));
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(300, values.Count);
        Assert.True(allocated < 16 * 1024, $"{allocated:N0} bytes for 300 values");
    }
}
