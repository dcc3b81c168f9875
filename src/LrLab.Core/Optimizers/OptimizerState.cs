using System.Numerics;

namespace LrLab.Core.Optimizers;

/// <summary>
/// Per-parameter optimizer buffers (PyTorch's <c>state[p]</c>): a step counter and named buffers such as
/// <c>momentum_buffer</c>, <c>exp_avg</c>, <c>exp_avg_sq</c>. Mutable so a training step allocates
/// nothing; <see cref="Clone"/> gives an independent copy for restore.
/// </summary>
public sealed class OptimizerState<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Dictionary<string, T[]> _buffers;

    /// <summary>Creates state for <paramref name="size"/> parameters with the given buffer names (zero-filled).</summary>
    public OptimizerState(int size, params string[] bufferNames)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        Size = size;
        _buffers = new Dictionary<string, T[]>(StringComparer.Ordinal);
        foreach (var name in bufferNames)
        {
            _buffers[name] = new T[size];
        }
    }

    private OptimizerState(int size, long step, Dictionary<string, T[]> buffers, IReadOnlyDictionary<string, double> scalars)
    {
        Size = size;
        StepCount = step;
        _buffers = buffers;
        Scalars = new Dictionary<string, double>(scalars, StringComparer.Ordinal);
    }

    /// <summary>Number of parameters the buffers cover.</summary>
    public int Size { get; }

    /// <summary>PyTorch's <c>state['step']</c>: how many updates have been applied.</summary>
    public long StepCount { get; set; }

    /// <summary>Scalar state some optimizers keep (NAdam's <c>mu_product</c>).</summary>
    public Dictionary<string, double> Scalars { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether a buffer has been created yet (PyTorch creates <c>momentum_buffer</c> on the first step).</summary>
    public bool Initialized { get; set; }

    /// <summary>The buffer with this name.</summary>
    public Span<T> Buffer(string name) => _buffers[name];

    /// <summary>Names of the buffers held.</summary>
    public IEnumerable<string> BufferNames => _buffers.Keys;

    /// <summary>A deep copy.</summary>
    public OptimizerState<T> Clone()
    {
        var copy = new Dictionary<string, T[]>(StringComparer.Ordinal);
        foreach (var (name, buffer) in _buffers)
        {
            copy[name] = (T[])buffer.Clone();
        }

        return new OptimizerState<T>(Size, StepCount, copy, Scalars) { Initialized = Initialized };
    }
}
