using LrLab.Core.Plotting;
using LrLab.Core.Surfaces;

namespace LrLab.Web.Lab;

/// <summary>
/// The shaded picture of a 2-D surface: RGBA bytes, row 0 at the top (largest y). Loss is compressed
/// logarithmically so both the floor and the walls show structure; contour lines mark equal steps of it.
/// Its colours are Core's one heat-map ramp (<see cref="ColorRamp"/>), light and nearly grey, so the trails on top stay readable.
/// </summary>
public static class HeatMap
{
    private const int Levels = 14;

    /// <summary>Fill <paramref name="rgba"/> (width·height·4 bytes) with the surface over <paramref name="view"/>.</summary>
    public static void Render(Surface surface, ViewBox view, int width, int height, Span<byte> rgba)
    {
        ArgumentNullException.ThrowIfNull(surface);
        if (rgba.Length < width * height * 4)
        {
            throw new ArgumentException("buffer too small", nameof(rgba));
        }

        var values = new double[width * height];
        Span<double> p = stackalloc double[2];
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        for (var row = 0; row < height; row++)
        {
            p[1] = view.YMax - ((row + 0.5) / height * (view.YMax - view.YMin));
            for (var col = 0; col < width; col++)
            {
                p[0] = view.XMin + ((col + 0.5) / width * (view.XMax - view.XMin));
                var v = surface.Value(p);
                values[(row * width) + col] = v;
                if (double.IsFinite(v))
                {
                    lo = Math.Min(lo, v);
                    hi = Math.Max(hi, v);
                }
            }
        }

        var span = hi > lo ? hi - lo : 1;
        var scale = span / 2000;
        var norm = Math.Log(1 + (span / scale));
        var level = new int[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            var t = double.IsFinite(v) ? Math.Log(1 + (Math.Max(0, v - lo) / scale)) / norm : 1;
            values[i] = t;
            level[i] = (int)Math.Min(Levels - 1, t * Levels);
        }

        for (var row = 0; row < height; row++)
        {
            for (var col = 0; col < width; col++)
            {
                var i = (row * width) + col;
                var (r, g, b) = ColorRamp.At(values[i]);
                var edge = (col + 1 < width && level[i + 1] != level[i]) || (row + 1 < height && level[i + width] != level[i]);
                if (edge)
                {
                    (r, g, b) = ((byte)(r * 0.86), (byte)(g * 0.86), (byte)(b * 0.86));
                }

                var o = i * 4;
                rgba[o] = r;
                rgba[o + 1] = g;
                rgba[o + 2] = b;
                rgba[o + 3] = 255;
            }
        }
    }
}
