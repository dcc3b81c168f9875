using LrLab.Core.Training;
using LrLab.Web.Digits;

namespace LrLab.Web.Tests.Learn;

/// <summary>A small, seeded stand-in for the MNIST digits: 784 features in [0, 1), labels cycling 0–9.</summary>
internal sealed class FakeDigits(int train = 96, int test = 40) : IDigitData
{
    public int Loads { get; private set; }

    public bool IsLoaded => Loads > 0;

    public Dataset Data { get; } = new("fake", Make(train, 1), Make(test, 2), 10);

    public Task<Dataset> LoadDigitsAsync(CancellationToken cancellation)
    {
        Loads++;
        return Task.FromResult(Data);
    }

    private static Samples Make(int count, int seed)
    {
        var random = new Random(seed);
        var inputs = new float[count * 784];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = (float)random.NextDouble();
        }

        return new Samples(inputs, [.. Enumerable.Range(0, count).Select(i => (byte)(i % 10))], 784);
    }
}
