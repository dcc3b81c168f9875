using System.Collections;

namespace LrLab.Core.Diagnosis;

/// <summary>
/// A growing list of doubles kept in fixed-size chunks, so a log of ten million values never needs one 80 MB block
/// plus the copy a <see cref="List{T}"/> makes each time it doubles. A run of values spaced evenly (steps 0, 1, 2, …)
/// is stored as a start and a stride until the first value that breaks it.
/// </summary>
public sealed class ChunkedValues : IReadOnlyList<double>
{
    private const int ChunkBits = 16;
    private const int ChunkSize = 1 << ChunkBits;

    // The first chunk starts small and doubles up to ChunkSize: a log of a few hundred values costs a few kilobytes,
    // not 512 KB per series (the loss-log fuzz target found every small log paying that, in the browser too).
    private const int FirstChunkSize = 256;

    private readonly List<double[]> _chunks = [];
    private readonly bool _compactRuns;
    private double _first;
    private double _stride;
    private bool _arithmetic = true;

    /// <summary>Creates an empty list.</summary>
    /// <param name="compactRuns">Store evenly spaced values as a start and a stride while they stay evenly spaced (for steps).</param>
    public ChunkedValues(bool compactRuns = false) => _compactRuns = compactRuns;

    /// <inheritdoc/>
    public int Count { get; private set; }

    /// <inheritdoc/>
    public double this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            return _compactRuns && _arithmetic ? _first + (index * _stride) : _chunks[index >> ChunkBits][index & (ChunkSize - 1)];
        }
    }

    /// <summary>The last value added (the list must not be empty).</summary>
    public double Last => this[Count - 1];

    /// <summary>Appends a value.</summary>
    public void Add(double value)
    {
        if (_compactRuns && _arithmetic)
        {
            if (Count == 0)
            {
                _first = value;
                Count = 1;
                return;
            }

            if (Count == 1)
            {
                _stride = value - _first;
                Count = 2;
                return;
            }

            if (value == _first + (Count * _stride))
            {
                Count++;
                return;
            }

            Materialise();
        }

        ChunkFor(Count)[Count & (ChunkSize - 1)] = value;
        Count++;
    }

    /// <summary>Copies the values into <paramref name="destination"/> (at least <see cref="Count"/> long).</summary>
    public void CopyTo(Span<double> destination)
    {
        if (_compactRuns && _arithmetic)
        {
            for (var i = 0; i < Count; i++)
            {
                destination[i] = _first + (i * _stride);
            }

            return;
        }

        for (int c = 0, at = 0; at < Count; c++, at += ChunkSize)
        {
            _chunks[c].AsSpan(0, Math.Min(ChunkSize, Count - at)).CopyTo(destination[at..]);
        }
    }

    /// <inheritdoc/>
    public IEnumerator<double> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private void Materialise()
    {
        _arithmetic = false;
        var count = Count;
        Count = 0;
        for (var i = 0; i < count; i++)
        {
            ChunkFor(i)[i & (ChunkSize - 1)] = _first + (i * _stride);
        }

        Count = count;
    }

    /// <summary>The chunk that holds <paramref name="index"/> (the next free slot), adding or growing it as needed.</summary>
    private double[] ChunkFor(int index)
    {
        var chunk = index >> ChunkBits;
        if (chunk == _chunks.Count)
        {
            _chunks.Add(new double[chunk == 0 ? FirstChunkSize : ChunkSize]);
        }
        else if (chunk == 0 && index == _chunks[0].Length)
        {
            var grown = _chunks[0];
            Array.Resize(ref grown, Math.Min(ChunkSize, 2 * grown.Length));
            _chunks[0] = grown;
        }

        return _chunks[chunk];
    }
}
