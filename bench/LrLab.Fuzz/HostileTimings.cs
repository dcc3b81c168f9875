using System.Diagnostics;
using System.Globalization;
using LrLab.Core;
using LrLab.Core.Expressions;
using LrLab.Core.Schedules;
using LrLab.Web.Designer;

namespace LrLab.Fuzz;

/// <summary>
/// How long the worst inputs we know of take to be refused or shown (formerly time limits inside unit tests; timings
/// belong here). Each is run several times; the median is reported.
/// </summary>
public static class HostileTimings
{
    private static readonly (string Name, Action Run)[] _cases =
    [
        ("formula: 10,000 × '('", () => Refuse(() => CompiledFormula.Parse(new string('(', 10_000)))),
        ("formula: 100,000 × '-' then x", () => Refuse(() => CompiledFormula.Parse(new string('-', 100_000) + "x"))),
        ("formula: 499 × '+' then x", () => Refuse(() => CompiledFormula.Parse(new string('+', 499) + "x"))),
        ("spec: StepLR( + 1,999 × '['", () => Refuse(() => ScheduleSpec.Parse("StepLR(" + new string('[', 1999)))),
        ("spec: 100,000 × '('", () => Refuse(() => ScheduleSpec.Parse(new string('(', 100_000)))),
        ("spec: 51 nested SequentialLR", () => Refuse(() => ScheduleSpec.Parse("SequentialLR(schedulers=[" + string.Concat(Enumerable.Repeat("SequentialLR(schedulers=[", 50))))),
        ("designer: ReduceLROnPlateau over 10,000 updates", () => new ScheduleDesigner().LoadUrl("ReduceLROnPlateau(patience=2)", "0.1", "10000")),
    ];

    public static void Print()
    {
        Console.WriteLine();
        Console.WriteLine("| hostile input | median time (7 runs) |");
        Console.WriteLine("|---|---:|");
        foreach (var (name, run) in _cases)
        {
            var times = new double[7];
            for (var i = 0; i < times.Length; i++)
            {
                var start = Stopwatch.GetTimestamp();
                run();
                times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }

            Array.Sort(times);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {times[3]:0.00} ms |"));
        }
    }

    private static void Refuse(Action parse)
    {
        try
        {
            parse();
        }
        catch (InputException)
        {
            return;
        }

        throw new FuzzException("a hostile input was accepted");
    }
}
