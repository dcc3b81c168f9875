using LrLab.Core.Training;
using LrLab.Web.Digits;

namespace LrLab.Web.Tests.Edge;

/// <summary>Random 784-pixel "digits" with random labels: enough for the page's mechanics, no 7.5 MB download.</summary>
internal sealed class TinyDigits : IDigitData
{
    private readonly Dataset _data;

    public TinyDigits(int count = 300)
    {
        var random = new Random(1);
        var inputs = new float[count * 784];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = random.NextDouble() < 0.2 ? random.NextSingle() : 0;
        }

        var samples = new Samples(inputs, [.. Enumerable.Range(0, count).Select(_ => (byte)random.Next(10))], 784);
        _data = new Dataset("tiny", samples, samples, 10);
    }

    public int Loads { get; private set; }

    public bool IsLoaded => Loads > 0;

    public Task<Dataset> LoadDigitsAsync(CancellationToken cancellation)
    {
        Loads++;
        return Task.FromResult(_data);
    }
}
