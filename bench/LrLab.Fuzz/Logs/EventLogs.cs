using System.Buffers.Binary;
using CsCheck;

namespace LrLab.Fuzz.Logs;

/// <summary>A written event file: its bytes, where each record starts, and the run it holds.</summary>
public sealed record EventLog(byte[] Bytes, int[] RecordStarts, ExpectedRun Run, double[]? Rates);

/// <summary>
/// TensorBoard event files with random scalar content: the loss logged each event in any encoding the protos allow
/// (simple_value as PyTorch writes it; a scalar tensor as TensorFlow 2 writes it: DT_FLOAT in tensor_content, packed
/// or unpacked float_val, DT_DOUBLE, DT_INT64, DT_INT32; shape [], [1] or [1, 1]), maybe a learning-rate tag, and
/// what a scalar reader must skip: images, histograms-like tensors, string tensors, eval tags, graphs, events
/// without a summary.
/// </summary>
public static class EventLogs
{
    private static readonly Gen<(double Float, double Double, long Whole, int Encoding, int Shape, int StepGap, int Extra, double Rate)> _point =
        Gen.Select(Values.Float32Decimal, Values.Loss, Gen.Long[-1_000_000, 1_000_000], Gen.Int[0, 7], Gen.Int[0, 2], Gen.Int[1, 100], Gen.Int[0, 15], Values.Float32Decimal)
            .Select((f, d, w, e, s, g, x, r) => (f, d, w, e, s, g, x, r));

    /// <summary>One event file of one run, starting at step <c>0…1000</c> (or far on).</summary>
    public static Gen<EventLog> File { get; } =
        Gen.Select(_point.Array[1, 120], Gen.OneOf<string>("train/loss", "loss", "Loss", "epoch_loss", "train/Loss"), Gen.OneOf<string?>(null, "train/lr", "learning_rate", "lr-SGD"), Gen.Long[0, 1000], Gen.Bool)
            .Select((points, tag, rateTag, start, far) => Write(points, tag, rateTag, far ? start * 1_000_000_000L : start));

    public static EventLog Write((double Float, double Double, long Whole, int Encoding, int Shape, int StepGap, int Extra, double Rate)[] points, string tag, string? rateTag, long firstStep)
    {
        ArgumentNullException.ThrowIfNull(points);
        var records = new List<byte[]> { EventFile.Record(EventFile.Event(1_765_000_000.0, 0, fileVersion: "brain.Event:2")) };
        var losses = new double[points.Length];
        var steps = new double[points.Length];
        var rates = new double[points.Length];
        var step = firstStep;
        for (var i = 0; i < points.Length; i++)
        {
            var p = points[i];
            step += i == 0 ? 0 : p.StepGap;
            var wall = 1_765_000_000.0 + (0.01 * i);
            long[] shape = p.Shape switch { 0 => [], 1 => [1], _ => [1, 1] };
            var (value, expected) = p.Encoding switch
            {
                0 => (EventFile.SimpleValue(tag, (float)p.Float), p.Float),
                1 => (EventFile.TensorValue(tag, EventFile.Tensor(EventFile.DtFloat, shape, t => t.Bytes(4, Le((float)p.Float)))), p.Float),
                2 => (EventFile.TensorValue(tag, EventFile.Tensor(EventFile.DtFloat, shape, t => t.Bytes(5, Le((float)p.Float)))), p.Float),
                3 => (EventFile.TensorValue(tag, EventFile.Tensor(EventFile.DtFloat, shape, t => t.Fixed32(5, BitConverter.SingleToInt32Bits((float)p.Float)))), p.Float),
                4 => (EventFile.TensorValue(tag, EventFile.Tensor(EventFile.DtDouble, shape, t => t.Bytes(4, Le(p.Double)))), p.Double),
                5 => (EventFile.TensorValue(tag, EventFile.Tensor(EventFile.DtDouble, shape, t => t.Fixed64(6, BitConverter.DoubleToInt64Bits(p.Double)))), p.Double),
                6 => (EventFile.TensorValue(tag, EventFile.Tensor(EventFile.DtInt64, shape, t => t.Varint(10, (ulong)p.Whole))), p.Whole),
                _ => (EventFile.TensorValue(tag, EventFile.Tensor(EventFile.DtInt32, shape, t => t.Bytes(4, Le((int)p.Whole)))), (double)(int)p.Whole),
            };
            losses[i] = expected;
            steps[i] = step;
            rates[i] = p.Rate;
            var values = new List<byte[]> { value };
            if (rateTag is not null)
            {
                values.Add(EventFile.SimpleValue(rateTag, (float)p.Rate));
            }

            switch (p.Extra)
            {
                case 0:
                    values.Add(EventFile.ImageValue("extra/image", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]));
                    break;
                case 1:
                    values.Add(EventFile.TensorValue("extra/hist", EventFile.Tensor(EventFile.DtFloat, [2], t => t.Bytes(4, [.. Le(1f), .. Le(2f)]))));
                    break;
                case 2:
                    values.Insert(0, EventFile.TensorValue("extra/text", EventFile.Tensor(EventFile.DtString, [], t => t.Bytes(8, "note"u8.ToArray()))));
                    break;
                case 3:
                    records.Add(EventFile.Record(EventFile.Event(wall, step, EventFile.Summary([EventFile.SimpleValue("eval/accuracy", 0.5f)]))));
                    break;
                case 4:
                    records.Add(EventFile.Record(EventFile.Event(wall, step)));
                    break;
                case 5:
                    records.Add(EventFile.Record(EventFile.GraphEvent(wall, [0x0A, 0x03, 0x61, 0x64, 0x64])));
                    break;
                default:
                    break;
            }

            records.Add(EventFile.Record(EventFile.Event(wall, step, EventFile.Summary(values))));
        }

        var starts = new int[records.Count];
        for (var i = 1; i < records.Count; i++)
        {
            starts[i] = starts[i - 1] + records[i - 1].Length;
        }

        var bytes = new byte[starts[^1] + records[^1].Length];
        for (var i = 0; i < records.Count; i++)
        {
            records[i].CopyTo(bytes, starts[i]);
        }

        return new EventLog(bytes, starts, new ExpectedRun(string.Empty, losses, steps), rateTag is null ? null : rates);
    }

    private static byte[] Le(float value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] Le(double value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] Le(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        return bytes;
    }
}
