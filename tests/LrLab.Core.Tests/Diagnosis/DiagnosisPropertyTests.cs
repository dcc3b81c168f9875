using System.Globalization;
using CsCheck;
using LrLab.Core.Diagnosis;

namespace LrLab.Core.Tests.Diagnosis;

/// <summary>Whatever the input, the parser either reads it or says which line is wrong, and the diagnoser always answers.</summary>
public sealed class DiagnosisPropertyTests
{
    private static readonly Gen<double> _anyLoss = Gen.Frequency(
        (6, Gen.Double[0, 10]),
        (1, Gen.Double[-5, 0]),
        (1, Gen.Const(0.0)),
        (1, Gen.Double[1e200, 1e300]),
        (1, Gen.OneOf<double>([double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, 1e-300])));

    private static readonly string[] _pieces =
        ["0.5", "nan", "-inf", ",", "\n", "\r\n", "\"", "[", "]", "{", "}", ":", "\"loss\"", "loss", "step", "x", " ", "#", "1e999", "\t", ";", "null", "true"];

    [Fact]
    public void Any_sequence_gets_a_complete_diagnosis()
    {
        Gen.Select(_anyLoss.Array[1, 400], Gen.Double[1e-6, 10]).Sample((losses, lr) =>
        {
            var d = Diagnoser.Diagnose(losses, lr);
            Assert.True(Enum.IsDefined(d.Verdict));
            Assert.False(string.IsNullOrWhiteSpace(d.Explanation));
            Assert.True(d.Suggestion.Factor > 0 && double.IsFinite(d.Suggestion.Factor));
            Assert.All(d.Suggestion.Rates!, r => Assert.True(r > 0 && double.IsFinite(r)));
            Assert.All(d.Evidence, e => Assert.InRange(e.FromIndex, 0, e.ToIndex));
            Assert.All(d.Evidence, e => Assert.InRange(e.ToIndex, 0, losses.Length - 1));
            Assert.Equal(losses.Any(v => !double.IsFinite(v)), d.Verdict == Verdict.TooLarge && d.Pattern is Pattern.Nan or Pattern.Diverging && d.Evidence.Any(e => e.Kind == EvidenceKind.NonFinite));
        }, iter: 3_000);
    }

    [Fact]
    public void Written_numbers_read_back_exactly_in_every_format()
    {
        Gen.Double[-1e6, 1e6].Array[1, 50].Sample(values =>
        {
            var text = values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(values, LossLogParser.Parse(string.Join('\n', text)).Losses);
            Assert.Equal(values, LossLogParser.Parse("step,loss\n" + string.Join('\n', text.Select((t, i) => $"{i},{t}"))).Losses);
            Assert.Equal(values, LossLogParser.Parse("[" + string.Join(", ", text) + "]").Losses);
        });
    }

    [Fact]
    public void Garbage_is_an_input_error_with_a_line_never_a_crash()
    {
        Gen.OneOf<string>(_pieces).Array[0, 40].Select(p => string.Concat(p)).Sample(text =>
        {
            try
            {
                var log = LossLogParser.Parse(text);
                Assert.NotEmpty(log.Losses);
                Assert.Equal(log.Losses.Count, log.Steps.Count);
                _ = Diagnoser.Diagnose(log);
            }
            catch (InputException e)
            {
                Assert.StartsWith("line ", e.Message, StringComparison.Ordinal);
                Assert.NotNull(e.Position);
                Assert.DoesNotContain('\n', e.Message);
            }
        }, iter: 20_000);
    }
}
