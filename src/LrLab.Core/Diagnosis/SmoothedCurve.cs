namespace LrLab.Core.Diagnosis;

/// <summary>
/// The finite values of a log cut into consecutive blocks, each summarised by its median: robust to mini-batch
/// noise and to single bad batches, and at most about <see cref="Diagnoser.SmoothedPoints"/> points however long the log.
/// Logs of up to <see cref="Diagnoser.ShortLog"/> values (epoch means) are kept as they are.
/// </summary>
internal sealed class SmoothedCurve
{
    private SmoothedCurve(double[] values, double[] steps, int[] from, int[] to, int blockSize)
    {
        Values = values;
        Steps = steps;
        From = from;
        To = to;
        BlockSize = blockSize;
    }

    public double[] Values { get; }

    public double[] Steps { get; }

    /// <summary>Index in the log of the first value of each block.</summary>
    public int[] From { get; }

    /// <summary>Index in the log of the last value of each block.</summary>
    public int[] To { get; }

    public int BlockSize { get; }

    public int Count => Values.Length;

    public static SmoothedCurve Build(double[] losses, IReadOnlyList<double> logSteps, IndexMap indices)
    {
        var k = losses.Length;
        var size = k <= Diagnoser.ShortLog ? 1 : Math.Max(3, (int)Math.Ceiling(k / (double)Diagnoser.SmoothedPoints));
        var blocks = Math.Max(1, k / size);
        var values = new double[blocks];
        var centres = new double[blocks];
        var from = new int[blocks];
        var to = new int[blocks];
        var scratch = new double[size * 2];
        for (var j = 0; j < blocks; j++)
        {
            var start = j * size;
            var end = j == blocks - 1 ? k : start + size;
            var length = end - start;
            if (scratch.Length < length)
            {
                scratch = new double[length];
            }

            var span = scratch.AsSpan(0, length);
            losses.AsSpan(start, length).CopyTo(span);
            values[j] = CurveStatistics.MedianInPlace(span);
            var sum = 0.0;
            for (var i = start; i < end; i++)
            {
                sum += logSteps[indices[i]];
            }

            centres[j] = sum / length;
            from[j] = indices[start];
            to[j] = indices[end - 1];
        }

        return new SmoothedCurve(values, centres, from, to, size);
    }

    /// <summary>The curve at a fractional position (0 = first block, Count − 1 = last), linearly interpolated.</summary>
    public double At(double position)
    {
        var lower = (int)Math.Floor(position);
        if (lower >= Count - 1)
        {
            return Values[^1];
        }

        var t = position - lower;
        return ((1 - t) * Values[lower]) + (t * Values[lower + 1]);
    }
}
