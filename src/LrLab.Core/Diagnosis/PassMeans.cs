namespace LrLab.Core.Diagnosis;

/// <summary>
/// The loss averaged over whole passes through the data. A mini-batch loss depends on the weights and on the batch;
/// when the weights hardly move, every pass (epoch) averages the same per-sample losses, so consecutive pass means
/// agree far more closely than independent batch noise would allow, however noisy the single batches are (a
/// squared-error loss is noisy from the first batch on). When the weights move a lot, block means of any length
/// differ by about the batch noise over the square root of the block length.
/// </summary>
internal static class PassMeans
{
    /// <summary>Only the first this many values are read (passes longer than a tenth of it are not looked for).</summary>
    public const int MaxValues = 1 << 17;

    /// <summary>Consecutive pass means that differ by less than this share of what independent noise gives: the weights hardly moved.</summary>
    public const double StillRatio = 0.05;

    /// <summary>The fewest blocks a block length is judged on.</summary>
    private const int MinBlocks = 10;

    /// <summary>The shortest block length tried.</summary>
    private const int MinLength = 8;

    /// <summary>
    /// The block length whose consecutive block means agree best, and how well: the mean squared difference of
    /// consecutive block means over twice the variance independent noise of scale <paramref name="noise"/> would give
    /// them (about 1 for independent noise, near 0 when each block is a whole pass with unchanged weights). Null when
    /// the log is too short or has no noise.
    /// </summary>
    public static (int Length, double Ratio)? Steadiest(ReadOnlySpan<double> values, double noise)
    {
        var n = Math.Min(values.Length, MaxValues);
        if (!(noise > 0) || n < MinBlocks * MinLength)
        {
            return null;
        }

        var sums = new double[n + 1];
        for (var i = 0; i < n; i++)
        {
            sums[i + 1] = sums[i] + values[i];
        }

        var best = (Length: 0, Ratio: double.PositiveInfinity);
        for (var length = MinLength; length <= n / MinBlocks; length++)
        {
            var blocks = n / length;
            double squares = 0;
            var previous = sums[length] / length;
            for (var b = 1; b < blocks; b++)
            {
                var mean = (sums[(b + 1) * length] - sums[b * length]) / length;
                squares += (mean - previous) * (mean - previous);
                previous = mean;
            }

            var ratio = squares / (blocks - 1) / 2 * length / (noise * noise);
            if (ratio < best.Ratio)
            {
                best = (length, ratio);
            }
        }

        return best.Length > 0 ? best : null;
    }
}
