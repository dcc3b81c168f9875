using System.Diagnostics;
using System.Globalization;
using LrLab.Fuzz;

// dotnet run -c Release --project bench/LrLab.Fuzz -- [iterations] [--seconds S] [target ...]
// Runs each target (default: all) for the given number of cases (default 1,000,000) and prints a Markdown table row per
// target: cases, wall time, CPU time, slowest case (and that case run again), result; then the time the worst known inputs take (HostileTimings). A failure prints CsCheck's shrunk input and the seed that replays it.
var iterations = args.Length > 0 && long.TryParse(args[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : FuzzTargets.BenchIterations;
var seconds = args.Length > 2 && args[1] == "--seconds" ? int.Parse(args[2], CultureInfo.InvariantCulture) : -1;
var names = args.Skip(seconds > 0 ? 3 : 1).ToHashSet(StringComparer.Ordinal);
var failed = 0;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fuzz run: {iterations:N0} cases per target{(seconds > 0 ? $" or {seconds} s, whichever ends first" : string.Empty)}, {Environment.ProcessorCount} threads, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC"));
Console.WriteLine("| target | input | cases | time | CPU time | slowest case | slowest case re-run | result |");
Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---|");
foreach (var target in FuzzTargets.All.Where(t => names.Count == 0 || names.Contains(t.Name)))
{
    Slowest.Reset();
    var clock = Stopwatch.StartNew();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    string result;
    try
    {
        target.Check(iterations, null, seconds);
        result = "no failure";
    }
#pragma warning disable CA1031 // Report every failure and go on to the next target.
    catch (Exception e)
#pragma warning restore CA1031
    {
        failed++;
        if (Environment.GetEnvironmentVariable("FUZZ_TRACE") == "1")
        {
            Console.Error.WriteLine(e.InnerException ?? e);
        }

        result = "FAILED: " + Shorten(e.Message) + (e.InnerException is { } inner ? " ← " + inner.GetType().Name + ": " + Shorten(inner.Message) : string.Empty);
    }

    var elapsed = clock.Elapsed;
    cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {target.Name} | {target.Input} | {Slowest.Cases:N0} | {elapsed.TotalSeconds:0.0} s | {cpu.TotalSeconds:0.0} s | {Slowest.Case.Milliseconds:0.0} ms | {Slowest.Retimed():0.0} ms | {result} |"));
    var (ms, input) = Slowest.Case;
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  slowest {target.Name} case ({ms:0.0} ms): {Shorten(input)}"));
}

if (names.Count == 0 || names.Contains("hostile"))
{
    HostileTimings.Print();
}

return failed == 0 ? 0 : 1;

static string Shorten(string text)
{
    text = text.ReplaceLineEndings(" ⏎ ");
    return text.Length > 600 ? text[..600] + "…" : text;
}
