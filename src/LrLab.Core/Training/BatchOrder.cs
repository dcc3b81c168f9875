namespace LrLab.Core.Training;

/// <summary>
/// The order examples are visited in each epoch: a Fisher–Yates shuffle driven by a counter-based
/// generator (SplitMix64 of key, epoch and position), so epoch e's order is a pure function of the key
/// and e. That keeps a run deterministic for its seed, lets a snapshot rewind the data order exactly
/// (the LR finder restores it), and allocates nothing.
/// </summary>
public static class BatchOrder
{
    /// <summary>Fills <paramref name="order"/> with a permutation of 0 … order.Length − 1 for <paramref name="epoch"/>.</summary>
    public static void Shuffle(Span<int> order, ulong key, int epoch)
    {
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var state = Mix(key ^ Mix((ulong)(uint)epoch + 0x9E3779B97F4A7C15UL));
        for (var i = order.Length - 1; i > 0; i--)
        {
            state = Mix(state + (ulong)i);
            var j = (int)(state % (ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
