using System.Globalization;
using CsCheck;

namespace LrLab.Fuzz;

/// <summary>Generators of the text users type or paste: real values, near misses, markup and plain garbage.</summary>
public static class Hostile
{
    /// <summary>Markup that must show as text wherever it lands (the XSS checks type these too).</summary>
    public static readonly string[] Markup =
    [
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "javascript:alert(1)",
        "'-alert(1)-'", "</textarea><b>x</b>", "{{7*7}}", "@(1+1)", "&lt;b&gt;",
    ];

    /// <summary>Values that are wrong for every query parameter of every page (each must earn a notice naming its key).</summary>
    public static readonly string[] BadEverywhere = ["abc", "NaN", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "%zz"];

    private static readonly string[] _values =
    [
        "", "0", "-1", "1e-3", "0.05", "1e308", "-1e308", "1e-320", "NaN", "nan", "Infinity", "-inf", "1e400", "10", "5000", "5001",
        "2147483647", "2147483648", "-2147483649", "0x10", "1,2", "1,2,3", ",", ",,", "-4,3", "a,b", "bowl", "ravine", "rosenbrock",
        "noisy-bowl", "parabola", "saddle", "plateau", "himmelblau", "rotated-ravine", "x^2+y^2", "x^^2", "((((((((((x))))))))))", "sin(",
        "sgd", "adam", "adamw", "rmsprop", "adagrad", "nadam", "radam", "linesearch", "momentum", "SGD", "adamax",
        "sgd:0.1,adam:0.01", "linesearch:0.05,sgd:0.03", "adam:", ":0.1", "sgd:-1", "sgd:0.1,sgd:0.1", "a:b:c",
        "StepLR(step_size=30)", "ReduceLROnPlateau()", "CosineAnnealingLR(T_max=0)", "SequentialLR(schedulers=[",
        "OneCycleLR(max_lr=0.1, total_steps=10)", "CyclicLR(base_lr=0.001, max_lr=0.1)", "true", "false", "1", "exp", "linear", "log",
        "%", "%zz", "%E2%88%9E", "%00", "+", "+1", " 0.1 ", "\u00a0", "é", "\u202e", "\ud800", "?", "&", "=", "#", "a=b",
        new string('9', 400), new string('(', 300), "1e-7", "1e-10", "100", "1000", "1024", "64", "what-is-the-learning-rate",
    ];

    /// <summary>A number written the ways people and tools write them, including the ones nobody should.</summary>
    public static readonly Gen<string> Number = Gen.Frequency(
        (4, Gen.Double[-10, 10].Select(d => d.ToString("R", CultureInfo.InvariantCulture))),
        (2, Gen.Double[1e-12, 1e3].Select(d => d.ToString("G3", CultureInfo.InvariantCulture))),
        (2, Gen.Int[-10, 20_000].Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Double.Select(d => d.ToString("R", CultureInfo.InvariantCulture))),
        (1, Gen.Long.Select(i => i.ToString(CultureInfo.InvariantCulture))));

    /// <summary>Any value a link or a text box may carry.</summary>
    public static readonly Gen<string> Value = Gen.Frequency(
        (6, Gen.OneOf<string>(_values)),
        (4, Number),
        (1, Gen.OneOf<string>(Markup)),
        (1, Gen.String),
        (1, Gen.Char.Array[0, 12].Select(c => new string(c))));

    /// <summary>
    /// A query string over <paramref name="keys"/> (each value from <paramref name="value"/>), escaped or raw, with a
    /// '?' or without; sometimes plain garbage.
    /// </summary>
    public static Gen<string> Query(string[] keys, Gen<string> value) => Gen.Frequency(
        (12, Gen.Select(Gen.OneOf<string>(keys), value, Gen.Int[0, 5]).Array[0, 8].Select(Join)),
        (1, Gen.String),
        (1, Gen.Char["?&=%+,:abcdefghijklmnopqrstuvwxyz0123456789.-_"].Array[0, 60].Select(c => new string(c))));

    /// <summary>Escapes a value the way a browser or a hand does it: fully, not at all, or with '+' for spaces.</summary>
    public static string Escape(string value, int how) => how switch
    {
        0 => value,
        1 => Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal),
        _ => Uri.EscapeDataString(value),
    };

    private static string Join((string Key, string Value, int How)[] pairs) =>
        (pairs.Length % 2 == 0 ? "?" : string.Empty) + string.Join('&', pairs.Select(p => p.How == 4 ? p.Key : p.Key + "=" + Escape(p.Value, p.How)));
}
