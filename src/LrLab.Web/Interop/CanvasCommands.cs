namespace LrLab.Web.Interop;

/// <summary>
/// One frame of drawing, recorded in C# and replayed by canvas.js in a single interop call.
/// Reused between frames: <see cref="Reset"/> keeps the buffers, so drawing allocates nothing.
/// </summary>
public sealed class CanvasCommands
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _strings = [];
    private double[] _ops = new double[1024];

    /// <summary>Number of doubles recorded.</summary>
    public int Count { get; private set; }

    /// <summary>The recorded numbers.</summary>
    public ReadOnlySpan<double> Ops => _ops.AsSpan(0, Count);

    /// <summary>The string table the commands point into.</summary>
    public IReadOnlyList<string> Strings => _strings;

    /// <summary>Forget the last frame.</summary>
    public void Reset()
    {
        Count = 0;
        _strings.Clear();
        _index.Clear();
    }

    /// <summary>Every text drawn, in order (for tests).</summary>
    public IEnumerable<string> Texts()
    {
        var i = 0;
        while (i < Count)
        {
            var op = (CanvasOp)_ops[i];
            if (op is CanvasOp.Text or CanvasOp.VerticalText)
            {
                yield return _strings[(int)_ops[i + 3]];
            }

            i += Length(op);
        }
    }

    /// <summary>Number of commands of one kind (for tests).</summary>
    public int CountOf(CanvasOp kind)
    {
        int i = 0, n = 0;
        while (i < Count)
        {
            var op = (CanvasOp)_ops[i];
            n += op == kind ? 1 : 0;
            i += Length(op);
        }

        return n;
    }

    /// <summary>Clear the canvas.</summary>
    public void Clear() => Add(CanvasOp.Clear);

    /// <summary>Set stroke colour and width.</summary>
    public void Stroke(string color, double width) => Add(CanvasOp.StrokeStyle, Str(color), width);

    /// <summary>Set the fill colour.</summary>
    public void FillColor(string color) => Add(CanvasOp.FillStyle, Str(color));

    /// <summary>Set the global alpha.</summary>
    public void Alpha(double alpha) => Add(CanvasOp.Alpha, alpha);

    /// <summary>Begin a path.</summary>
    public void BeginPath() => Add(CanvasOp.BeginPath);

    /// <summary>Move the pen.</summary>
    public void MoveTo(double x, double y) => Add(CanvasOp.MoveTo, x, y);

    /// <summary>Line to a point.</summary>
    public void LineTo(double x, double y) => Add(CanvasOp.LineTo, x, y);

    /// <summary>Stroke the path.</summary>
    public void StrokePath() => Add(CanvasOp.Stroke);

    /// <summary>Fill the path.</summary>
    public void FillPath() => Add(CanvasOp.Fill);

    /// <summary>Fill a rectangle.</summary>
    public void FillRect(double x, double y, double w, double h) => Add(CanvasOp.FillRect, x, y, w, h);

    /// <summary>Stroke a rectangle.</summary>
    public void StrokeRect(double x, double y, double w, double h) => Add(CanvasOp.StrokeRect, x, y, w, h);

    /// <summary>Add a circle to the path.</summary>
    public void Circle(double x, double y, double r) => Add(CanvasOp.Circle, x, y, r);

    /// <summary>Draw text.</summary>
    public void Text(double x, double y, string text, TextAlign align = TextAlign.Left, TextBaseline baseline = TextBaseline.Top)
        => Add(CanvasOp.Text, x, y, Str(text), (int)align, (int)baseline);

    /// <summary>Draw text turned a quarter anticlockwise (y axis title).</summary>
    public void VerticalText(double x, double y, string text) => Add(CanvasOp.VerticalText, x, y, Str(text));

    /// <summary>Set the font.</summary>
    public void Font(string font) => Add(CanvasOp.Font, Str(font));

    /// <summary>Dashed (length &gt; 0) or solid lines.</summary>
    public void Dash(double length) => Add(CanvasOp.Dash, length);

    /// <summary>Draw an image stored with <see cref="ICanvasInterop.SetImage"/>.</summary>
    public void Image(string key, double x, double y, double w, double h) => Add(CanvasOp.Image, Str(key), x, y, w, h);

    /// <summary>Save the state and clip.</summary>
    public void Clip(double x, double y, double w, double h) => Add(CanvasOp.Clip, x, y, w, h);

    /// <summary>Undo <see cref="Clip"/>.</summary>
    public void Restore() => Add(CanvasOp.Restore);

    /// <summary>How many numbers a command of this kind takes, the op included.</summary>
    public static int Length(CanvasOp op) => op switch
    {
        CanvasOp.Clear or CanvasOp.BeginPath or CanvasOp.Stroke or CanvasOp.Fill or CanvasOp.Restore => 1,
        CanvasOp.FillStyle or CanvasOp.Alpha or CanvasOp.Font or CanvasOp.Dash => 2,
        CanvasOp.StrokeStyle or CanvasOp.MoveTo or CanvasOp.LineTo => 3,
        CanvasOp.Circle or CanvasOp.VerticalText => 4,
        CanvasOp.FillRect or CanvasOp.StrokeRect or CanvasOp.Clip => 5,
        CanvasOp.Text or CanvasOp.Image => 6,
        _ => throw new InvalidOperationException($"unknown op {op}"),
    };

    private int Str(string s)
    {
        if (!_index.TryGetValue(s, out var i))
        {
            i = _strings.Count;
            _strings.Add(s);
            _index[s] = i;
        }

        return i;
    }

    private void Add(CanvasOp op, params ReadOnlySpan<double> args)
    {
        if (Count + args.Length + 1 > _ops.Length)
        {
            Array.Resize(ref _ops, _ops.Length * 2);
        }

        _ops[Count++] = (int)op;
        args.CopyTo(_ops.AsSpan(Count));
        Count += args.Length;
    }
}
