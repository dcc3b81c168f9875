using System.Globalization;
using System.Text;
using CsCheck;
using LrLab.Core;
using LrLab.Core.Diagnosis;

namespace LrLab.Fuzz;

/// <summary>
/// Loss logs as pasted or dropped on /diagnose and given to `lrlab diagnose`: every format the parser reads (one
/// number per line, CSV with a header, TensorBoard's CSV export, JSON array / objects / {loss:[…]}), each written
/// whole (it must read back exactly), cut short, or with bytes changed; plus arbitrary bytes decoded the way the page
/// decodes a dropped file. A log reads or fails with "line N: …" on one line; whatever reads gets a diagnosis.
/// </summary>
public static class LossLogTarget
{
    private static readonly Gen<double> _loss = Gen.Frequency(
        (8, Gen.Double[0, 10]),
        (1, Gen.Double[-5, 0]),
        (1, Gen.Double[1e200, 1e300]),
        (1, Gen.OneOf(double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, 0.0)));

    private static readonly string[] _pieces =
        ["0.5", "nan", "-inf", ",", "\n", "\r\n", "\"", "[", "]", "{", "}", ":", "\"loss\"", "loss", "step", "x", " ", "#", "1e999", "\t", ";", "null", "true", "\0", "\ufeff"];

    // Which format writes the values, so an untouched log can be checked value for value.
    private static readonly Gen<(string Text, double[] Losses, bool Exact)> _written =
        Gen.Select(_loss.Array[1, 200], Gen.Int[0, 6]).Select((losses, format) => (Write(losses, format), losses, true));

    private static readonly Gen<(string Text, double[] Losses, bool Exact)> _damaged =
        Gen.Select(_written, Gen.Int[0, 3], Gen.Int[0, int.MaxValue], Gen.OneOf<string>(_pieces)).Select((w, how, at, piece) =>
        {
            var text = w.Text;
            var i = text.Length == 0 ? 0 : at % text.Length;
            var damaged = how switch
            {
                0 => text[..i],
                1 => text[..i] + piece + text[i..],
                2 => text[..i] + piece + (i + 1 < text.Length ? text[(i + 1)..] : string.Empty),
                _ => text[..i] + text[i..].ToUpperInvariant(),
            };
            return (damaged, w.Losses, false);
        });

    private static readonly Gen<(string Text, double[] Losses, bool Exact)> _garbage = Gen.Frequency(
        (2, Gen.OneOf<string>(_pieces).Array[0, 40].Select(p => string.Concat(p))),
        (1, Gen.Byte.Array[0, 400].Select(b => new StreamReader(new MemoryStream(b)).ReadToEnd())),
        (1, Gen.String)).Select(t => (t, Array.Empty<double>(), false));

    public static FuzzTarget Target { get; } = new(
        "loss-log",
        "loss logs: lines, CSV, TensorBoard CSV, JSON; whole, cut, damaged, random bytes",
        (iter, seed, time) => Gen.Frequency((3, _written), (4, _damaged), (2, _garbage)).Sample(Slowest.Wrap<(string Text, double[] Losses, bool Exact)>(Check), iter: iter, seed: seed, time: time, print: c => c.Text));

    public static void Check((string Text, double[] Losses, bool Exact) log)
    {
        LossLog read;
        try
        {
            read = LossLogParser.Parse(log.Text);
        }
        catch (InputException e)
        {
            FuzzException.Unless(!log.Exact, $"a log we wrote whole was refused: {e.Message}");
            Notices.IsOneLine(e.Message);
            FuzzException.Unless(e.Message.StartsWith("line ", StringComparison.Ordinal) && e.Position is > 0, $"the message names no line: {e.Message}");
            return;
        }

        FuzzException.Unless(read.Losses.Count > 0 && read.Losses.Count == read.Steps.Count, "losses and steps disagree");
        if (log.Exact)
        {
            FuzzException.Unless(read.Losses.SequenceEqual(log.Losses), "a log we wrote whole reads back different values");
        }

        var diagnosis = Diagnoser.Diagnose(read);
        FuzzException.Unless(Enum.IsDefined(diagnosis.Verdict), "no verdict");
        Notices.IsOneLine(diagnosis.Explanation.Replace('\n', ' '));
        FuzzException.Unless(double.IsFinite(diagnosis.Suggestion.Factor) && diagnosis.Suggestion.Factor > 0, "a suggestion without a finite factor");
        FuzzException.Unless(
            read.Losses.All(double.IsFinite) || (diagnosis.Verdict == Verdict.TooLarge && diagnosis.Pattern is Pattern.Nan or Pattern.Diverging),
            "a log with a non-finite loss is not judged too large");
    }

    private static string Write(double[] losses, int format)
    {
        var text = losses.Select(v => v.ToString("R", CultureInfo.InvariantCulture)).ToArray();
        var sb = new StringBuilder();
        switch (format)
        {
            case 0:
                return string.Join('\n', text);
            case 1:
                sb.Append("step,loss\n");
                for (var i = 0; i < text.Length; i++)
                {
                    sb.Append(i).Append(',').Append(text[i]).Append('\n');
                }

                return sb.ToString();
            case 2:
                sb.Append("epoch,train_loss,val_loss\r\n");
                for (var i = 0; i < text.Length; i++)
                {
                    sb.Append(i).Append(',').Append(text[i]).Append(",0.5\r\n");
                }

                return sb.ToString();
            case 3:
                sb.Append("Wall time,Step,Value\n");
                for (var i = 0; i < text.Length; i++)
                {
                    sb.Append(1_700_000_000 + i).Append(".25,").Append(i * 10).Append(',').Append(text[i]).Append('\n');
                }

                return sb.ToString();
            case 4:
                return "[" + string.Join(", ", text.Select(Json)) + "]";
            case 5:
                return "[" + string.Join(",\n", text.Select((t, i) => $"{{\"step\": {i}, \"loss\": {Json(t)}}}")) + "]";
            default:
                return "{\"loss\": [" + string.Join(",", text.Select(Json)) + "]}";
        }
    }

    // JSON has no NaN or Infinity; Python's json module writes them bare, as the parser accepts.
    private static string Json(string number) => number switch
    {
        "NaN" => "NaN",
        "∞" or "Infinity" => "Infinity",
        "-∞" or "-Infinity" => "-Infinity",
        _ => number,
    };
}
