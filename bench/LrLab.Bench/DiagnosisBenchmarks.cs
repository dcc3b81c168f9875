using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using LrLab.Core.Diagnosis;

namespace LrLab.Bench;

/// <summary>
/// A 50,000-step noisy mini-batch log (the budget: under 200 ms), parsed from CSV text and diagnosed.
/// Run: dotnet run -c Release --project bench/LrLab.Bench -- --filter '*Diagnosis*' --job short
/// </summary>
[MemoryDiagnoser]
public class DiagnosisBenchmarks
{
    private readonly string _csv;
    private readonly LossLog _log;

    public DiagnosisBenchmarks()
    {
        var random = new Random(7);
        var text = new StringBuilder("step,loss\n");
        for (var t = 0; t < 50_000; t++)
        {
            var noise = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            var loss = 0.1 + (2.2 * Math.Exp(-t / 5000.0)) + (0.08 * noise);
            text.Append(t.ToString(CultureInfo.InvariantCulture)).Append(',').Append(loss.ToString("G6", CultureInfo.InvariantCulture)).Append('\n');
        }

        _csv = text.ToString();
        _log = LossLogParser.Parse(_csv);
    }

    [Benchmark]
    public LossLog Parse50k() => LossLogParser.Parse(_csv);

    [Benchmark]
    public Diagnosis Diagnose50k() => Diagnoser.Diagnose(_log, 0.1);

    [Benchmark]
    public Diagnosis ParseAndDiagnose50k() => Diagnoser.Diagnose(LossLogParser.Parse(_csv), 0.1);
}
