using System.Globalization;

namespace LrLab.Core.Plotting;

/// <summary>
/// The one colour ramp of every heat map (the lab's surface view, lesson widgets): light for low loss to a darker sand
/// for high loss. All stops are desaturated, so any <see cref="Palette"/> trail drawn on top stays readable.
/// </summary>
public static class ColorRamp
{
    // Light (low loss) to dark (high loss).
    private static readonly (double T, byte R, byte G, byte B)[] _stops =
    [
        (0.0, 255, 255, 252),
        (0.4, 243, 240, 230),
        (0.75, 224, 218, 203),
        (1.0, 196, 188, 170),
    ];

    /// <summary>The ramp's floor as CSS: the background of a one-dimensional surface's plot (the ramp at 0.1).</summary>
    public const string Floor = "#fcfbf6";

    /// <summary>A dark sand in the ramp's hue, for a line drawn over it (a one-dimensional surface's curve).</summary>
    public const string Line = "#7d7260";

    /// <summary>The ramp colour for <paramref name="t"/> in [0, 1] (clamped; NaN counts as 1, the top).</summary>
    public static (byte R, byte G, byte B) At(double t)
    {
        t = Math.Clamp(double.IsNaN(t) ? 1 : t, 0, 1);
        for (var k = 1; k < _stops.Length; k++)
        {
            if (t <= _stops[k].T)
            {
                var (t0, r0, g0, b0) = _stops[k - 1];
                var (t1, r1, g1, b1) = _stops[k];
                var f = (t - t0) / (t1 - t0);
                return ((byte)(r0 + ((r1 - r0) * f)), (byte)(g0 + ((g1 - g0) * f)), (byte)(b0 + ((b1 - b0) * f)));
            }
        }

        return (_stops[^1].R, _stops[^1].G, _stops[^1].B);
    }

    /// <summary>The ramp colour for <paramref name="t"/> as CSS hex (<c>#rrggbb</c>), e.g. for an SVG fill.</summary>
    public static string Hex(double t)
    {
        var (r, g, b) = At(t);
        return string.Create(CultureInfo.InvariantCulture, $"#{r:x2}{g:x2}{b:x2}");
    }
}
