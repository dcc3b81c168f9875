using System.Diagnostics;

namespace LrLab.Web.Finder;

/// <summary>
/// Runs long work in slices so the page stays responsive: calls <c>step</c> until it returns false,
/// and every <c>budget</c> of wall time reports progress and awaits <c>pause</c> (a
/// <c>Task.Delay(1)</c> in the browser, which lets it paint and handle clicks). The single-threaded
/// WebAssembly runtime has no other way to keep the page alive during training.
/// </summary>
public static class SliceRunner
{
    /// <summary>Default wall time per slice: long enough to amortise the pause, short enough to feel live.</summary>
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromMilliseconds(40);

    /// <summary>Returns true when <paramref name="step"/> finished, false when <paramref name="cancellation"/> stopped it first.</summary>
    public static async Task<bool> RunAsync(Func<bool> step, Action onSlice, Func<Task> pause, TimeSpan budget, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(onSlice);
        ArgumentNullException.ThrowIfNull(pause);
        var clock = Stopwatch.StartNew();
        while (!cancellation.IsCancellationRequested)
        {
            if (!step())
            {
                onSlice();
                return true;
            }

            if (clock.Elapsed >= budget)
            {
                onSlice();
                await pause().ConfigureAwait(true);
                clock.Restart();
            }
        }

        onSlice();
        return false;
    }
}
