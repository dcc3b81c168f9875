using LrLab.Core.Training;

namespace LrLab.Core.Tests.Training;

public class MnistDataTests
{
    [Fact]
    public void Reads_the_fixed_split_of_real_digits()
    {
        var data = TestData.Mnist;
        Assert.Equal(8000, data.Train.Count);
        Assert.Equal(2000, data.Test.Count);
        Assert.Equal(784, data.Features);
        Assert.Equal(10, data.Classes);

        // Every digit appears in both parts (the converter interleaves the class-sorted package).
        for (var digit = 0; digit < 10; digit++)
        {
            Assert.InRange(data.Train.Labels.Count(l => l == digit), 600, 900);
            Assert.InRange(data.Test.Labels.Count(l => l == digit), 150, 260);
        }

        // Pixels are byte/255: in [0, 1], mostly background, with full ink present.
        Assert.All(data.Train.Inputs.Take(784 * 50), v => Assert.InRange(v, 0f, 1f));
        Assert.Equal(1f, data.Train.Inputs.Max());
        Assert.InRange(data.Train.Inputs.Count(v => v == 0) / (double)data.Train.Inputs.Length, 0.7, 0.9);
    }

    [Theory]
    [InlineData("XXXX", "not an LR Lab MNIST file")]
    [InlineData("", "cut short while reading the header")]
    public void Rejects_files_that_are_not_ours(string start, string message)
    {
        var bytes = new byte[start.Length == 0 ? 10 : 64];
        System.Text.Encoding.ASCII.GetBytes(start).CopyTo(bytes, 0);
        if (start.Length == 0)
        {
            "LRMN"u8.CopyTo(bytes);
        }

        var e = Assert.Throws<InputException>(() => MnistData.Read(new MemoryStream(bytes)));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100, "cut short while reading the labels")]
    [InlineData(24 + 10000 + 5000, "cut short while reading the pixels")]
    public void Rejects_truncated_files(int length, string message)
    {
        var bytes = TestData.MnistContent()[..length];
        var e = Assert.Throws<InputException>(() => MnistData.Read(new MemoryStream(bytes)));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_label_that_is_not_a_digit()
    {
        var bytes = TestData.MnistContent();
        bytes[24 + 3] = 12;
        var e = Assert.Throws<InputException>(() => MnistData.Read(new MemoryStream(bytes)));
        Assert.Contains("label 12 of image 3", e.Message, StringComparison.Ordinal);
    }
}
