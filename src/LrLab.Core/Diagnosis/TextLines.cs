namespace LrLab.Core.Diagnosis;

/// <summary>
/// Reads a text line by line without making a string per line: each line is a span into one buffer, valid until the
/// next call. Blank lines and '#' comments are skipped; lines are counted from 1 (skipped ones included) so errors
/// can name them. A line may be at most <see cref="LossLogParser.MaxCharacters"/> long.
/// </summary>
internal sealed class TextLines(TextReader reader)
{
    private char[] _buffer = new char[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;
    private long _total;

    /// <summary>The number of the line last returned (1-based).</summary>
    public int Number { get; private set; }

    /// <summary>The next line with content, without its line break (a BOM before the first line is dropped).</summary>
    public bool Next(out ReadOnlySpan<char> line)
    {
        while (RawLine(out var raw))
        {
            Number++;
            if (Number == 1 && raw.Length > 0 && raw[0] == '\uFEFF')
            {
                raw = raw[1..];
            }

            raw = raw.TrimEnd('\r');
            var trimmed = raw.Trim();
            if (trimmed.Length > 0 && trimmed[0] != '#')
            {
                line = raw;
                return true;
            }
        }

        line = default;
        return false;
    }

    /// <summary>Everything not read yet, as one string (at most <see cref="LossLogParser.MaxCharacters"/>).</summary>
    public string Rest()
    {
        var text = new System.Text.StringBuilder();
        text.Append(_buffer, _start, _end - _start);
        _start = _end;
        var chunk = new char[1 << 16];
        int read;
        while (!_eof && (read = reader.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (text.Length + read > LossLogParser.MaxCharacters)
            {
                throw LossLogParser.TooLarge();
            }

            text.Append(chunk, 0, read);
        }

        _eof = true;
        return text.ToString();
    }

    private bool RawLine(out ReadOnlySpan<char> raw)
    {
        var searchFrom = _start;
        while (true)
        {
            var at = _buffer.AsSpan(searchFrom, _end - searchFrom).IndexOf('\n');
            if (at >= 0)
            {
                raw = _buffer.AsSpan(_start, searchFrom + at - _start);
                _start = searchFrom + at + 1;
                return true;
            }

            searchFrom = _end;
            if (_eof)
            {
                raw = _buffer.AsSpan(_start, _end - _start);
                var any = _start < _end;
                _start = _end;
                return any;
            }

            if (_start > 0)
            {
                Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
                searchFrom -= _start;
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                if (_buffer.Length >= LossLogParser.MaxCharacters)
                {
                    throw LossLogParser.Error(Number + 1, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"a line longer than {LossLogParser.MaxCharacters / (1024 * 1024)} M characters"));
                }

                Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, LossLogParser.MaxCharacters));
            }

            var read = reader.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _eof = true;
            }
            else
            {
                _end += read;
                _total += read;
                if (_total > LossLogParser.MaxStreamCharacters)
                {
                    throw LossLogParser.TooLarge(LossLogParser.MaxStreamCharacters);
                }
            }
        }
    }
}
