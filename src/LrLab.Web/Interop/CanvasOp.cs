namespace LrLab.Web.Interop;

/// <summary>The drawing commands wwwroot/js/canvas.js replays; the numbers are the wire format.</summary>
public enum CanvasOp
{
    /// <summary>Clear the whole canvas.</summary>
    Clear = 0,

    /// <summary>Stroke colour (string) and line width.</summary>
    StrokeStyle = 1,

    /// <summary>Fill colour (string).</summary>
    FillStyle = 2,

    /// <summary>Global alpha 0..1.</summary>
    Alpha = 3,

    /// <summary>Start a new path.</summary>
    BeginPath = 4,

    /// <summary>Move to x, y.</summary>
    MoveTo = 5,

    /// <summary>Line to x, y.</summary>
    LineTo = 6,

    /// <summary>Stroke the current path.</summary>
    Stroke = 7,

    /// <summary>Fill the current path.</summary>
    Fill = 8,

    /// <summary>Fill a rectangle x, y, w, h.</summary>
    FillRect = 9,

    /// <summary>Add a circle x, y, r to the path.</summary>
    Circle = 10,

    /// <summary>Text x, y, string, align (0 left, 1 centre, 2 right), baseline (0 top, 1 middle, 2 bottom).</summary>
    Text = 11,

    /// <summary>CSS font (string).</summary>
    Font = 12,

    /// <summary>Dash length (0 = solid).</summary>
    Dash = 13,

    /// <summary>Draw a cached image (key string) scaled into x, y, w, h.</summary>
    Image = 14,

    /// <summary>Save the state and clip to x, y, w, h.</summary>
    Clip = 15,

    /// <summary>Restore the state saved by <see cref="Clip"/>.</summary>
    Restore = 16,

    /// <summary>Stroke a rectangle x, y, w, h.</summary>
    StrokeRect = 17,

    /// <summary>Text rotated a quarter turn anticlockwise, centred on x, y.</summary>
    VerticalText = 18,
}
