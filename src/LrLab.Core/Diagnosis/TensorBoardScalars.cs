using System.Globalization;
using System.Runtime.InteropServices;
using Google.Protobuf;

namespace LrLab.Core.Diagnosis;

/// <summary>
/// The scalar series of TensorBoard event files, per tag in order of first appearance. Each TFRecord holds an
/// <c>Event</c> proto (tensorflow/core/util/event.proto: <c>step</c> = 2, <c>summary</c> = 5); a <c>Summary</c> holds
/// <c>Value</c>s (<c>tag</c> = 1, <c>simple_value</c> = 2 as PyTorch's SummaryWriter writes, or <c>tensor</c> = 8, a
/// scalar <c>TensorProto</c> as TensorFlow 2 writes). Images, histograms, text and graphs are skipped.
/// </summary>
public sealed class TensorBoardScalars
{
    private readonly Dictionary<string, (ChunkedValues Steps, ChunkedValues Values)> _series = new(StringComparer.Ordinal);
    private readonly List<string> _tags = [];

    /// <summary>The scalar tags, in order of first appearance.</summary>
    public IReadOnlyList<string> Tags => _tags;

    /// <summary>Reads one event file and adds its scalars (several files of one run may be read in turn).</summary>
    public void Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var records = new TfRecordReader(stream);
        while (records.Next(out var record))
        {
            try
            {
                ReadEvent(record);
            }
            catch (InvalidProtocolBufferException)
            {
                throw TfRecordReader.Bad(records.Offset, $"record {records.Records} is not a valid Event proto");
            }
        }

        if (records.Records == 0)
        {
            throw TfRecordReader.Bad(0, "the event file holds no records");
        }
    }

    /// <summary>The loss log: the tag asked for, else the first tag ending in "loss"; the rate from an <c>lr</c>-like tag.</summary>
    public LossLog ToLog(LossLogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (_tags.Count == 0)
        {
            throw new InputException("the event file holds no scalar summaries");
        }

        string tag;
        if (options.Series is { } wanted)
        {
            tag = _tags.FirstOrDefault(t => t.Equals(wanted.Trim(), StringComparison.Ordinal))
                ?? _tags.FirstOrDefault(t => t.Equals(wanted.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw InputException.For(options.SeriesParameter, $"'{LossLogParser.Clip(wanted)}': no such scalar tag (tags: {CsvLossLog.List(_tags)})");
        }
        else
        {
            tag = _tags.FirstOrDefault(t => t.EndsWith("loss", StringComparison.OrdinalIgnoreCase))
                ?? throw InputException.For("tag", $"must name the loss series: no scalar tag ends in 'loss' (tags: {CsvLossLog.List(_tags)})");
        }

        var (steps, values) = _series[tag];
        var rateTag = _tags.FirstOrDefault(t => t != tag && RateColumns.IsRate(t));
        var rates = rateTag is null ? null : RateColumns.Align(steps, _series[rateTag].Steps, _series[rateTag].Values);
        return new LossLog(values, steps, LossLogFormat.TensorBoardEvents, tag) { Rates = rates };
    }

    private void ReadEvent(ReadOnlyMemory<byte> record)
    {
        var input = Input(record);
        long step = 0;
        ReadOnlyMemory<byte> summary = default;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (tag)
            {
                case (2 << 3) | 0:
                    step = input.ReadInt64();
                    break;
                case (5 << 3) | 2:
                    summary = input.ReadBytes().Memory;
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        if (summary.IsEmpty)
        {
            return;
        }

        var values = Input(summary);
        while ((tag = values.ReadTag()) != 0)
        {
            if (tag == ((1 << 3) | 2))
            {
                ReadValue(values.ReadBytes().Memory, step);
            }
            else
            {
                values.SkipLastField();
            }
        }
    }

    private void ReadValue(ReadOnlyMemory<byte> bytes, long step)
    {
        var input = Input(bytes);
        string? name = null;
        double? value = null;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (tag)
            {
                case (1 << 3) | 2:
                    name = input.ReadString();
                    break;
                case (2 << 3) | 5:
                    value = Widen(input.ReadFloat());
                    break;
                case (8 << 3) | 2:
                    value = ScalarTensor.Read(Input(input.ReadBytes().Memory)) ?? value;
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }

        if (name is null || value is not { } v)
        {
            return;
        }

        if (!_series.TryGetValue(name, out var series))
        {
            series = (new ChunkedValues(compactRuns: true), new ChunkedValues());
            _series[name] = series;
            _tags.Add(name);
        }

        LossLogParser.Add(series.Values, v, series.Values.Count + 1);
        series.Steps.Add(step);
    }

    /// <summary>
    /// A float32 as the decimal it was logged as: TensorBoard stores 0.1 as 0.100000001490116…, and the shortest
    /// decimal that round-trips the float (0.1) is what the user wrote.
    /// </summary>
    internal static double Widen(float value) => float.IsFinite(value)
        ? double.Parse(value.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
        : value;

    internal static CodedInputStream Input(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Array is not null
            ? new CodedInputStream(segment.Array, segment.Offset, segment.Count)
            : new CodedInputStream(bytes.ToArray());
}
