using CsCheck;

namespace LrLab.Fuzz.Logs;

/// <summary>The numbers fuzzed logs carry.</summary>
public static class Values
{
    /// <summary>Any loss a run may log: ordinary, negative, huge, tiny, NaN, ±∞.</summary>
    public static Gen<double> Loss { get; } = Gen.Frequency(
        (8, Gen.Double[0, 10]),
        (1, Gen.Double[-5, 0]),
        (1, Gen.Double[1e200, 1e300]),
        (1, Gen.Double),
        (1, Gen.OneOf(Gen.Const(double.NaN), Gen.Const(double.PositiveInfinity), Gen.Const(double.NegativeInfinity), Gen.Const(double.Epsilon), Gen.Const(0.0), Gen.Const(-0.0))));

    /// <summary>
    /// A loss as a user logs it into a float32 field: a decimal of at most six significant digits inside float32's
    /// normal range (float32 keeps six digits, so the float read back stands for exactly this decimal), or NaN/±∞/0.
    /// </summary>
    public static Gen<double> Float32Decimal { get; } = Gen.Frequency(
        (9, Gen.Select(Gen.Int[-999_999, 999_999], Gen.Int[-36, 30]).Select((m, e) => double.Parse($"{m}e{e}", System.Globalization.CultureInfo.InvariantCulture))),
        (1, Gen.OneOf(Gen.Const(double.NaN), Gen.Const(double.PositiveInfinity), Gen.Const(double.NegativeInfinity), Gen.Const(0.0))));

    /// <summary>A learning rate as schedulers produce them.</summary>
    public static Gen<double> Rate { get; } = Gen.Frequency(
        (6, Gen.Double[1e-6, 1]),
        (1, Gen.OneOf(Gen.Const(0.0), Gen.Const(1e-5), Gen.Const(0.1), Gen.Const(3e-4))));
}
