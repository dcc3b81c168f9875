using System.Globalization;
using LrLab.Core.Finder;

namespace LrLab.Cli.Commands;

/// <summary>A one-line progress bar on stderr, only when a person is watching a terminal.</summary>
internal sealed class ProgressLine
{
    private readonly TextWriter _error;
    private long _lastDraw;

    private ProgressLine(TextWriter error) => _error = error;

    /// <summary>A progress line when output goes to the real console and stderr is a terminal; otherwise null.</summary>
    public static ProgressLine? ForTerminal(TextWriter stdout)
        => ReferenceEquals(stdout, Console.Out) && !Console.IsErrorRedirected ? new ProgressLine(Console.Error) : null;

    public void Show(RangeTestRun run)
    {
        var now = Environment.TickCount64;
        if (now - _lastDraw < 100)
        {
            return;
        }

        _lastDraw = now;
        const int Width = 30;
        var filled = (int)Math.Round(run.Progress * Width);
        var lr = run.Lrs.Count > 0 ? run.Lrs[^1] : 0;
        var loss = run.SmoothedLosses.Count > 0 ? run.SmoothedLosses[^1] : double.NaN;
        _error.Write(string.Create(CultureInfo.InvariantCulture, $"\r[{new string('#', filled)}{new string('.', Width - filled)}] {run.Iteration}/{run.Options.NumIter}  lr {lr:G3}  loss {loss:G4}   "));
        _error.Flush();
    }

    public void Clear()
    {
        _error.Write("\r" + new string(' ', 79) + "\r");
        _error.Flush();
    }
}
