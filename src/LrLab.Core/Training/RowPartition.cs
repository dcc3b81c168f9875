namespace LrLab.Core.Training;

/// <summary>
/// Splits the rows of C in the MLP's two large matrix products over a fixed set of threads. Each
/// thread computes whole rows with the same kernel, so results are bit-identical for any thread count.
/// The workers are started once; the caller publishes a product by bumping a generation counter and
/// waits for a countdown, both spun on (a product takes tens of microseconds, far less than a blocking
/// wake-up), so nothing is allocated per product. Idle workers back off to sleeping after a few
/// milliseconds. With one thread everything runs inline on the caller.
/// </summary>
internal sealed unsafe class RowPartition : IDisposable
{
    private const int SpinsBeforeSleeping = 20_000;

    private readonly Thread[] _workers;
    private readonly bool _parallel;
    private int _generation;
    private int _pending;
    private float* _a;
    private float* _b;
    private float* _c;
    private float* _bias;
    private int _m;
    private int _n;
    private int _k;
    private bool _dot;
    private bool _relu;
    private bool _hasBias;
    private volatile bool _stopping;

    public RowPartition(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        Threads = threads;
        _workers = new Thread[threads - 1];
        if (threads == 1)
        {
            return;
        }

        _parallel = true;
        for (var t = 1; t < threads; t++)
        {
            var part = t;
            _workers[t - 1] = new Thread(() => WorkerLoop(part)) { IsBackground = true, Name = $"lrlab-gemm-{t}" };
            _workers[t - 1].Start();
        }
    }

    public int Threads { get; }

    /// <summary><see cref="Gemm.MultiplyTransposeB"/> with the rows of C shared out.</summary>
    public void MultiplyTransposeB(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k, ReadOnlySpan<float> bias, bool relu)
    {
        if (!_parallel)
        {
            Gemm.MultiplyTransposeB(a, b, c, m, n, k, bias, relu);
            return;
        }

        if (a.Length < m * k || b.Length < n * k || c.Length < m * n || (!bias.IsEmpty && bias.Length != n))
        {
            throw new ArgumentException("operands too short");
        }

        fixed (float* pa = a, pb = b, pc = c, pbias = bias)
        {
            Run(pa, pb, pc, pbias, m, n, k, dot: true, relu, hasBias: !bias.IsEmpty);
        }
    }

    /// <summary><see cref="Gemm.MultiplyTransposeA"/> with the rows of C shared out.</summary>
    public void MultiplyTransposeA(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int n, int k)
    {
        if (!_parallel)
        {
            Gemm.MultiplyTransposeA(a, b, c, m, n, k);
            return;
        }

        if (a.Length < m * k || b.Length < n * k || c.Length < m * n)
        {
            throw new ArgumentException("operands too short");
        }

        fixed (float* pa = a, pb = b, pc = c)
        {
            Run(pa, pb, pc, null, m, n, k, dot: false, relu: false, hasBias: false);
        }
    }

    public void Dispose()
    {
        if (!_parallel || _stopping)
        {
            return;
        }

        _stopping = true;
        Interlocked.Increment(ref _generation);
        foreach (var worker in _workers)
        {
            worker.Join();
        }
    }

    private void Run(float* a, float* b, float* c, float* bias, int m, int n, int k, bool dot, bool relu, bool hasBias)
    {
        ObjectDisposedException.ThrowIf(_stopping, this);
        _a = a;
        _b = b;
        _c = c;
        _bias = bias;
        (_m, _n, _k, _dot, _relu, _hasBias) = (m, n, k, dot, relu, hasBias);
        Volatile.Write(ref _pending, Threads - 1);
        Interlocked.Increment(ref _generation);
        Work(0);
        var spinner = default(SpinWait);
        while (Volatile.Read(ref _pending) != 0)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }

    private void WorkerLoop(int part)
    {
        var seen = 0;
        while (true)
        {
            var spins = 0;
            var spinner = default(SpinWait);
            while (Volatile.Read(ref _generation) == seen)
            {
                if (++spins < SpinsBeforeSleeping)
                {
                    spinner.SpinOnce(sleep1Threshold: -1);
                }
                else
                {
                    Thread.Sleep(1);
                }
            }

            seen = Volatile.Read(ref _generation);
            if (_stopping)
            {
                return;
            }

            Work(part);
            Interlocked.Decrement(ref _pending);
        }
    }

    private void Work(int part)
    {
        // Whole tiles of four rows per thread where possible, so the split does not add tail work.
        var blocks = (_m + 3) / 4;
        var start = Math.Min(_m, blocks * part / Threads * 4);
        var end = Math.Min(_m, blocks * (part + 1) / Threads * 4);
        if (start >= end)
        {
            return;
        }

        var width = Gemm.KernelWidth;
        if (_dot)
        {
            Gemm.Dot(ref *_a, ref *_b, ref *_c, start, end, _n, _k, ref _hasBias ? ref *_bias : ref *_c, _hasBias, _relu, width);
        }
        else
        {
            Gemm.Axpy(ref *_a, 1, _m, ref *_b, ref *_c, start, end, _n, _k, width);
        }
    }
}
