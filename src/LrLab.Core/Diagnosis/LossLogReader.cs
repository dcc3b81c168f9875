using System.Text;

namespace LrLab.Core.Diagnosis;

/// <summary>
/// Reads a loss log from bytes, whatever the format: a TensorBoard event file is recognised by its first TFRecord
/// header (a length and its masked CRC-32C), everything else is text (UTF-8) and goes to <see cref="LossLogParser"/>.
/// Never by file name: files get renamed, pasted and downloaded under other names.
/// </summary>
public static class LossLogReader
{
    /// <summary>Every run the bytes hold (a W&amp;B export may hold several; every other format one).</summary>
    public static IReadOnlyList<LossLog> Read(Stream stream, LossLogOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= LossLogOptions.Default;
        var head = new byte[12];
        var got = 0;
        int read;
        while (got < head.Length && (read = stream.Read(head, got, head.Length - got)) > 0)
        {
            got += read;
        }

        var whole = new PrefixedStream(head, got, stream);
        if (got == 12 && TfRecordReader.LooksLikeTfRecord(head))
        {
            var scalars = new TensorBoardScalars();
            scalars.Read(whole);
            return [scalars.ToLog(options)];
        }

        if (got > 0 && !HasByteOrderMark(head.AsSpan(0, got)) && LooksBinary(head.AsSpan(0, got)))
        {
            throw new InputException("byte 0: this is not a loss log: binary data that is not a TensorBoard event file (its first record header does not check out)");
        }

        using var text = new StreamReader(whole, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        return LossLogParser.ParseRuns(text, options);
    }

    /// <summary>Reads one run (the bytes must hold exactly one).</summary>
    public static LossLog ReadOne(Stream stream, LossLogOptions? options = null)
    {
        var runs = Read(stream, options);
        return runs.Count == 1
            ? runs[0]
            : throw new InputException($"line 1: the log holds {runs.Count} runs ({CsvLossLog.List(runs.Select(r => r.Run))}); diagnose them together as a comparison", 1);
    }

    /// <summary>A UTF-8 or UTF-16 byte order mark: text, whatever NULs follow (UTF-16 has them).</summary>
    private static bool HasByteOrderMark(ReadOnlySpan<byte> head) =>
        head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);

    /// <summary>NUL or other control bytes that no text log has (tab, line breaks and the BOM aside).</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> head)
    {
        foreach (var b in head)
        {
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C))
            {
                return true;
            }
        }

        return false;
    }
}
