
namespace LrLab.Core.Surfaces;

/// <summary>The built-in surfaces, and the one place that turns a <c>--surface</c> or URL value into a surface.</summary>
public static class SurfaceCatalog
{
    /// <summary>The built-ins in teaching order; surfaces are immutable, so sharing them is safe.</summary>
    public static IReadOnlyList<Surface> BuiltIns { get; } =
    [
        new ParabolaSurface(),
        new BowlSurface(),
        new RavineSurface(),
        new RotatedRavineSurface(),
        new RosenbrockSurface(),
        new SaddleSurface(),
        new PlateauSurface(),
        new HimmelblauSurface(),
        new NoisyBowlSurface(),
    ];

    /// <summary>The built-in called <paramref name="name"/> (case-insensitive, surrounding spaces ignored), or null.</summary>
    public static Surface? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string key = name.Trim();
        foreach (var surface in BuiltIns)
        {
            if (string.Equals(surface.Name, key, StringComparison.OrdinalIgnoreCase))
            {
                return surface;
            }
        }

        return null;
    }

    /// <summary>A built-in by name, otherwise <paramref name="nameOrFormula"/> parsed as a <see cref="FormulaSurface"/>.</summary>
    /// <exception cref="InputException">Neither a built-in name nor a valid formula; the message names the column.</exception>
    public static Surface Resolve(string nameOrFormula)
    {
        ArgumentNullException.ThrowIfNull(nameOrFormula);
        return Find(nameOrFormula) ?? new FormulaSurface(nameOrFormula);
    }
}
